import AsyncioModel
import Foundation
import PythonInterpreter

// python-run FILE [3.X]: runs a program on the interpreter and prints its record as JSON (a development tool).
let args = CommandLine.arguments
guard args.count >= 2, let data = FileManager.default.contents(atPath: args[1]) else {
  FileHandle.standardError.write("usage: python-run FILE [3.10|3.11|3.12|3.13]\n".data(using: .utf8)!)
  exit(2)
}
let minor = args.count > 2 ? Int(args[2].split(separator: ".").last ?? "13") ?? 13 : 13
let version = PythonVersion.allCases.first { $0.minor == minor } ?? .default
let name = (args[1] as NSString).lastPathComponent
// On a thread with the interpreter's stack, as `lesson` runs a program (the main thread's is smaller).
let run = Interpreter.onLargeStack {
  Interpreter.run(source: String(decoding: data, as: UTF8.self), filename: name, version: version)
}
var object: [String: Any] = [
  "stdout": run.stdout, "stderr": run.stderr, "deadlock": run.deadlock, "elapsed": run.elapsed,
  "exitCode": run.exitCode.map { $0 as Any } ?? NSNull(),
]
if let stop = run.stop { object["stop"] = "\(stop)" }
let out = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
FileHandle.standardOutput.write(out)
print()
if args.contains("--facts") {
  let o = run.observation
  print("gather line \(o.gatherLine ?? 0), return_exceptions \(o.returnExceptions), raised \(o.gatherRaised), repr \(o.resultsRepr ?? "-")")
  for c in o.callRecords { print("  \(c.name) \(c.outcome) \(c.startedAt ?? -1)→\(c.endedAt) \(c.facts)") }
}
