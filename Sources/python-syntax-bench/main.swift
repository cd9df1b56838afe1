// Measures how long PythonSyntax takes to parse the recorded programs, in a release build:
//
//     swift run -c release python-syntax-bench [FILE_OR_DIRECTORY ...]
//
// With no arguments it reads Tests/Corpus/programs and Tests/LessonKitTests/Fixtures/programs.
// Each file is parsed (under 3.12) repeatedly for about 20 ms after a warm-up; the report gives
// the median time per parse over files of 30 to 50 lines, and the rate in lines per second overall.
import AsyncioModel
import Foundation
import PythonSyntax

let arguments = Array(CommandLine.arguments.dropFirst())
let roots = arguments.isEmpty ? ["Tests/Corpus/programs", "Tests/LessonKitTests/Fixtures/programs"] : arguments
var files: [(String, String)] = []
for root in roots {
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
  let paths =
    isDirectory.boolValue
    ? (try FileManager.default.contentsOfDirectory(atPath: root)).filter { $0.hasSuffix(".py") }.sorted().map {
      root + "/" + $0
    }
    : [root]
  for path in paths {
    files.append((path, try String(contentsOfFile: path, encoding: .utf8)))
  }
}

let clock = ContinuousClock()
var perFile: [(lines: Int, micros: Double)] = []
var totalLines = 0
var totalTime = Duration.zero
for (_, source) in files {
  let lines = source.split(separator: "\n", omittingEmptySubsequences: false).count
  for _ in 0..<20 { _ = try? PythonParser.parse(source, version: .v3_12) }
  var runs = 0
  let start = clock.now
  while clock.now - start < .milliseconds(20) {
    _ = try? PythonParser.parse(source, version: .v3_12)
    runs += 1
  }
  let elapsed = clock.now - start
  let micros =
    Double(elapsed.components.attoseconds) / 1e12 / Double(runs) + Double(elapsed.components.seconds) * 1e6
    / Double(runs)
  perFile.append((lines, micros))
  totalLines += lines * runs
  totalTime += elapsed
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}
let typical = perFile.filter { $0.lines >= 30 && $0.lines <= 50 }.map(\.micros)
let seconds = Double(totalTime.components.seconds) + Double(totalTime.components.attoseconds) / 1e18
print("files: \(files.count)")
print(
  "30-50 line files: \(typical.count), median \(String(format: "%.1f", median(typical))) µs per parse, max \(String(format: "%.1f", typical.max() ?? 0)) µs"
)
print(
  "all files: median \(String(format: "%.1f", median(perFile.map(\.micros)))) µs; \(String(format: "%.0f", Double(totalLines) / seconds)) lines per second"
)
