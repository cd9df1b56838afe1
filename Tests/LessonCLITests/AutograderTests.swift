import Foundation
import LessonCLI
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a zip's entries from its central directory, checking each stored file's CRC-32: a reader
/// written apart from the writer (a bitwise CRC, not a table), for tests.
enum ZipReader {
  struct Entry {
    var path: String
    var mode: UInt32
    var data: Data
  }

  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  static func entries(_ zip: Data) throws -> [Entry] {
    let bytes = [UInt8](zip)
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    guard bytes.count >= 22,
      let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 })
    else { throw Malformed(description: "no end of central directory") }
    var at = u32(end + 16)
    var entries: [Entry] = []
    for _ in 0..<u16(end + 10) {
      guard u32(at) == 0x0201_4B50 else { throw Malformed(description: "bad central header at \(at)") }
      let method = u16(at + 10)
      let crc = UInt32(u32(at + 16))
      let size = u32(at + 20)
      let nameLength = u16(at + 28)
      let extra = u16(at + 30)
      let comment = u16(at + 32)
      let external = UInt32(u32(at + 38))
      let local = u32(at + 42)
      let path = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
      guard method == 0, u32(local) == 0x0403_4B50 else { throw Malformed(description: "\(path): not stored") }
      let start = local + 30 + u16(local + 26) + u16(local + 28)
      let data = Data(bytes[start..<(start + size)])
      guard crc32(data) == crc else { throw Malformed(description: "\(path): CRC mismatch") }
      entries.append(Entry(path: path, mode: (external >> 16) & 0o7777, data: data))
      at += 46 + nameLength + extra + comment
    }
    return entries
  }

  static func crc32(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 0 ? 0 : 0xEDB8_8320) }
    }
    return ~crc
  }

  /// Writes every entry under `folder`, with its mode.
  static func unpack(_ zip: Data, into folder: String) throws {
    for entry in try entries(zip) {
      let url = URL(fileURLWithPath: folder + "/" + entry.path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      // Opened close-on-exec: a process another test starts meanwhile must not keep it open for
      // writing, or running the unpacked binary fails with "Text file busy".
      let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(entry.mode))
      guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
      defer { close(descriptor) }
      try entry.data.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
          let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
          guard written > 0 else { throw CocoaError(.fileWriteUnknown) }
          offset += written
        }
      }
      try FileManager.default.setAttributes([.posixPermissions: Int(entry.mode)], ofItemAtPath: url.path)
    }
  }
}

/// Runs `lesson` in process with `directory` as the current folder.
func lessonIn(_ directory: String, _ arguments: [String], executable: String? = nil) -> CLIRun {
  let captured = CapturedConsole(width: 100, directory: directory, executable: executable)
  let code = LessonTool.main(arguments + ["--course", CLIFixtures.packageRoot.path], console: captured.console)
  return CLIRun(code: code, out: captured.out, err: captured.err)
}

/// Runs a shell script with `AUTOGRADER_ROOT` set, and waits for it.
func runScript(_ path: String, root: String) throws -> (code: Int32, err: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/bash")
  process.arguments = [path]
  process.environment = ProcessInfo.processInfo.environment.merging(["AUTOGRADER_ROOT": root]) { $1 }
  let err = Pipe()
  process.standardError = err
  process.standardOutput = FileHandle.nullDevice
  try process.run()
  let data = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct GradescopeAutograderTests {
  static let binary = ProcessTests.binary

  /// Makes the zip, unpacks it as Gradescope does under `directory/autograder/source`, and runs setup.sh.
  func install(in directory: String) throws -> (autograder: String, run: CLIRun) {
    try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let run = lessonIn(
      directory, ["autograder", "gradescope", "3", "--output", "autograder.zip", "--binary", Self.binary])
    let autograder = directory + "/autograder"
    for folder in ["source", "submission", "results"] {
      try FileManager.default.createDirectory(atPath: autograder + "/" + folder, withIntermediateDirectories: true)
    }
    try ZipReader.unpack(
      try Data(contentsOf: URL(fileURLWithPath: directory + "/autograder.zip")), into: autograder + "/source")
    let setup = try runScript(autograder + "/source/setup.sh", root: directory)
    #expect(setup.code == 0, "\(setup.err)")
    return (autograder, run)
  }

  /// results.json checked against Gradescope's schema: score and max_score numbers, tests[] each
  /// with a name, a score no more than its max_score and a status of passed or failed.
  func results(_ autograder: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: autograder + "/results/results.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let score = try #require(object["score"] as? Double)
    let maximum = try #require(object["max_score"] as? Double)
    #expect(0 <= score && score <= maximum)
    let tests = try #require(object["tests"] as? [[String: Any]])
    for test in tests {
      #expect(test["name"] is String)
      let own = try #require(test["score"] as? Double)
      let ownMaximum = try #require(test["max_score"] as? Double)
      #expect(0 <= own && own <= ownMaximum)
      #expect(["passed", "failed"].contains(test["status"] as? String))
    }
    #expect(tests.isEmpty || tests.reduce(0) { $0 + ($1["score"] as? Double ?? 0) } == score)
    let allowed: Set<String> = [
      "score", "max_score", "output", "tests", "execution_time", "visibility", "stdout_visibility", "extra_data",
      "output_format", "leaderboard",
    ]
    #expect(Set(object.keys).isSubset(of: allowed))
    return object
  }

  @Test func theZipRunsInGradescopesLayout() throws {
    try withWorkspace { directory in
      let (autograder, run) = try install(in: directory)
      #expect(run.code == .success)
      // The test binary is the debug build, linked to the Swift libraries: packed with a warning.
      #expect(run.err.contains("lesson: warning: \(Self.binary): it needs the Swift libraries (libswiftCore.so)"))
      let entries = try ZipReader.entries(try Data(contentsOf: URL(fileURLWithPath: directory + "/autograder.zip")))
      let modes = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.mode) })
      #expect(modes["setup.sh"] == 0o755 && modes["run_autograder"] == 0o755 && modes["lesson"] == 0o755)
      #expect(modes["lessons/index.json"] == 0o644 && modes["lessons/03_more_tools/spec.json"] == 0o644)
      #expect(!entries.contains { $0.path.hasPrefix("solutions/") || $0.path.contains("/.") })

      // bob hands in the starter: it fails, 1 of 7.
      try Data(contentsOf: URL(fileURLWithPath: ClassFolder.course + "/" + ClassFolder.starter3))
        .write(to: URL(fileURLWithPath: autograder + "/submission/more_tools3.json"))
      try Data(#"{"users": [{"email": "Bob.Smith@uni.edu", "name": "Bob", "id": 7}], "id": 1}"#.utf8)
        .write(to: URL(fileURLWithPath: autograder + "/submission_metadata.json"))
      var graded = try runScript(autograder + "/source/run_autograder", root: directory)
      #expect(graded.code == 0, "\(graded.err)")
      var object = try results(autograder)
      #expect(object["score"] as? Int == 1 && object["max_score"] as? Int == 7)
      #expect((object["tests"] as? [[String: Any]])?.count == 7)

      // The solution, in a folder as a learner might upload it: 7 of 7.
      try FileManager.default.removeItem(atPath: autograder + "/submission/more_tools3.json")
      try FileManager.default.createDirectory(
        atPath: autograder + "/submission/03_more_tools", withIntermediateDirectories: true)
      try Data(contentsOf: URL(fileURLWithPath: ClassFolder.course + "/" + ClassFolder.solution3))
        .write(to: URL(fileURLWithPath: autograder + "/submission/03_more_tools/more_tools3.json"))
      graded = try runScript(autograder + "/source/run_autograder", root: directory)
      object = try results(autograder)
      #expect(object["score"] as? Int == 7 && object["max_score"] as? Int == 7)

      // Nothing for the lesson: still a results.json, 0 of 7, saying what to hand in.
      try FileManager.default.removeItem(atPath: autograder + "/submission/03_more_tools")
      graded = try runScript(autograder + "/source/run_autograder", root: directory)
      #expect(graded.code == 0)
      object = try results(autograder)
      #expect(object["score"] as? Int == 0 && object["max_score"] as? Int == 7)
      let output = try #require(object["output"] as? String)
      #expect(output.contains("hand in more_tools3.json or async_batch.py"))
      #expect(output.contains("Bob.Smith"))
    }
  }

  @Test func anExistingFileIsKeptWithoutForce() throws {
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let zip = directory + "/autograder.zip"
      try Data("mine".utf8).write(to: URL(fileURLWithPath: zip))
      let refused = lessonIn(directory, ["autograder", "gradescope", "3", "--binary", Self.binary])
      #expect(refused.code == .cannotWrite)
      #expect(
        refused.err
          == "lesson: error: autograder.zip: cannot be written: it exists; expected a new file (pass --force to replace it)\n"
      )
      #expect(try String(contentsOfFile: zip, encoding: .utf8) == "mine")
      let forced = lessonIn(directory, ["autograder", "gradescope", "3", "--binary", Self.binary, "--force"])
      #expect(forced.code == .success)
      #expect(try ZipReader.entries(try Data(contentsOf: URL(fileURLWithPath: zip))).first?.path == "setup.sh")
      // Nothing but the zip, and no temporary file left beside it.
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["autograder.zip"])
    }
  }

  @Test func usageAndMissingInputs() throws {
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let typo = lessonIn(directory, ["autograder", "gradscope", "3"])
      #expect(typo.code == .usage && typo.err.contains("unknown autograder 'gradscope'; did you mean 'gradescope'?"))
      #expect(lessonIn(directory, ["autograder", "gradescope"]).code == .usage)
      #expect(lessonIn(directory, ["autograder", "github", "3", "--binary", "x"]).code == .usage)
      #expect(lessonIn(directory, ["autograder", "github", "3", "--url", "ftp://x"]).code == .usage)
      let noBinary = lessonIn(directory, ["autograder", "gradescope", "3"])
      #expect(noBinary.code == .usage && noBinary.err.contains("--binary PATH"))
      let missing = lessonIn(directory, ["autograder", "gradescope", "3", "--binary", "no-such-lesson"])
      #expect(missing.code == .missingInput)
      #expect(lessonIn(directory, ["autograder", "gradescope", "42", "--binary", Self.binary]).code == .usage)
      let folder = lessonIn(
        directory, ["autograder", "gradescope", "3", "--binary", Self.binary, "--output", "no/x.zip"])
      #expect(folder.code == .cannotWrite)
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
  }
}

/// A YAML reader just large enough for a workflow: block mappings, block sequences of mappings,
/// plain and double-quoted scalars and `|` blocks. Anything else fails the test.
enum MiniYAML {
  indirect enum Node: Equatable {
    case scalar(String)
    case map([String: Node])
    case list([Node])

    subscript(key: String) -> Node? {
      if case .map(let map) = self { return map[key] }
      return nil
    }

    var list: [Node] {
      if case .list(let items) = self { return items }
      return []
    }

    var text: String? {
      if case .scalar(let text) = self { return text }
      return nil
    }
  }

  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  static func parse(_ text: String) throws -> Node {
    let lines = text.components(separatedBy: "\n").filter {
      let trimmed = $0.trimmingCharacters(in: .whitespaces)
      return !trimmed.isEmpty && !trimmed.hasPrefix("#")
    }
    var index = 0
    return try block(lines, &index, indent: 0)
  }

  static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

  static func block(_ lines: [String], _ index: inout Int, indent: Int) throws -> Node {
    guard index < lines.count else { return .map([:]) }
    let first = lines[index].dropFirst(indent)
    if first.hasPrefix("- ") || first == "-" {
      var items: [Node] = []
      while index < lines.count, indentation(lines[index]) == indent, lines[index].dropFirst(indent).hasPrefix("-") {
        // "- key: value" starts a mapping indented two more.
        var line = lines[index]
        line.replaceSubrange(
          line.index(line.startIndex, offsetBy: indent)...line.index(line.startIndex, offsetBy: indent), with: " ")
        var rewritten = lines
        rewritten[index] = line
        items.append(try mapping(rewritten, &index, indent: indent + 2, original: lines))
      }
      return .list(items)
    }
    return try mapping(lines, &index, indent: indent, original: lines)
  }

  static func mapping(_ lines: [String], _ index: inout Int, indent: Int, original: [String]) throws -> Node {
    var map: [String: Node] = [:]
    var current = lines
    while index < current.count, indentation(current[index]) == indent {
      let line = current[index].dropFirst(indent)
      guard let colon = line.firstIndex(of: ":") else { throw Malformed(description: "no key in '\(line)'") }
      let key = String(line[..<colon])
      let rest = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      index += 1
      current = original
      if rest == "|" {
        var body: [String] = []
        let inner = index < current.count ? indentation(current[index]) : 0
        while index < current.count, indentation(current[index]) >= inner, inner > indent {
          body.append(String(current[index].dropFirst(inner)))
          index += 1
        }
        map[key] = .scalar(body.joined(separator: "\n"))
      } else if rest.isEmpty {
        if index < current.count, indentation(current[index]) > indent {
          map[key] = try block(current, &index, indent: indentation(current[index]))
        } else {
          map[key] = .scalar("")
        }
      } else if rest.hasPrefix("\"") {
        guard rest.hasSuffix("\""), rest.count >= 2 else { throw Malformed(description: "unclosed quote in '\(line)'") }
        map[key] = .scalar(
          String(rest.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            .replacingOccurrences(of: "\\\\", with: "\\"))
      } else {
        map[key] = .scalar(rest)
      }
    }
    return .map(map)
  }
}

@Suite struct GitHubWorkflowTests {
  @Test func theWorkflowDownloadsTheCourseAndRunsCheck() throws {
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let run = lessonIn(directory, ["autograder", "github", "3"])
      #expect(run.code == .success, "\(run.err)")
      #expect(run.err.contains("set the variable LESSON_COURSE_URL"))
      let path = directory + "/.github/workflows/lesson.yml"
      let workflow = try MiniYAML.parse(try String(contentsOfFile: path, encoding: .utf8))
      #expect(workflow["name"]?.text == "lesson 3")
      #expect(workflow["on"]?["push"] != nil)
      let job = try #require(workflow["jobs"]?["check"])
      #expect(job["runs-on"]?.text == "ubuntu-latest")
      #expect(job["env"]?["LESSON_COURSE_URL"]?.text == "${{ vars.LESSON_COURSE_URL }}")
      let steps = job["steps"]?.list ?? []
      #expect(steps.count == 3)
      #expect(steps.first?["uses"]?.text?.hasPrefix("actions/checkout@") == true)
      let download = try #require(steps.dropFirst().first?["run"]?.text)
      #expect(
        download.contains("curl --fail") && download.contains("\"$LESSON_COURSE_URL\"") && download.contains("tar -xz"))
      let check = try #require(steps.last?["run"]?.text)
      #expect(steps.last?["name"]?.text == "lesson check 3")
      #expect(check.contains("lesson-course/lesson\" check 3 --course") && check.contains("--workspace workspace"))
      #expect(!check.contains("swift"))

      // Not replaced without --force; with --url, the URL is in the workflow.
      let again = lessonIn(
        directory, ["autograder", "github", "3", "--url", "https://example.edu/c/lesson-course.tar.gz"])
      #expect(again.code == .cannotWrite)
      let forced = lessonIn(
        directory, ["autograder", "github", "3", "--url", "https://example.edu/c/lesson-course.tar.gz", "--force"])
      #expect(forced.code == .success)
      let replaced = try MiniYAML.parse(try String(contentsOfFile: path, encoding: .utf8))
      #expect(
        replaced["jobs"]?["check"]?["env"]?["LESSON_COURSE_URL"]?.text == "https://example.edu/c/lesson-course.tar.gz")
    }
  }

  @Test func anOutputInAFolderThatDoesNotExistIsRefused() throws {
    try withWorkspace { directory in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let run = lessonIn(directory, ["autograder", "github", "3", "--output", "ci/lesson.yml"])
      #expect(run.code == .cannotWrite)
      #expect(run.err.split(separator: "\n").count == 1)
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
  }
}
