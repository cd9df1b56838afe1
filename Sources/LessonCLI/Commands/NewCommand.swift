import Foundation
import GuardedGather
import LessonKit

/// `lesson new NAME`: scaffolds the next lesson of the course, which `lesson verify` then checks.
struct NewCommand: LessonCommand {
  static let name = "new"
  static let abstract = "Scaffold the next lesson of the course (for instructors)."
  static let usage = "lesson new NAME [--title TEXT] [--course DIR]"
  static let discussion = """
    Makes lesson N (one more than the course's last) in lessons/NN_NAME/ and solutions/NN_NAME/,
    and adds it to lessons/index.json:
      lessons/NN_NAME/README.md      the lesson's text, to write
      lessons/NN_NAME/spec.json      the evidence card: limit 2, a timeout on every call, evidence
      lessons/NN_NAME/NAMEN.json     the starter: plain gather, no timeout (fails with no-limit)
      solutions/NN_NAME/NAMEN.json   a solution that passes, its evidence taken from its own run
    Each JSON file names its schema in "$schema". The lesson verifies as it is ('lesson verify'):
    change the calls, the rules and the text, keeping the solution passing and the starter failing
    with "starterMistake".

    NAME is lowercase letters, digits and underscores, starting with a letter (such as
    retries). Nothing is written when a folder for the lesson already exists. Every file is
    written atomically; the index last, after the others.

    Options:
      --title TEXT      The lesson's title (default: NAME with spaces).
      --course DIR      The course folder.

    Exit codes: 0 made, 64 bad usage, 65 an invalid lessons/index.json, 66 no course,
    73 a folder exists or a file cannot be written.
    """

  var arguments: Arguments
  var lessonName: String

  init(arguments words: [String]) throws(UsageError) {
    arguments = try Arguments(words, flags: [], options: ["--title", "--course", "--workspace"])
    guard arguments.positionals.count == 1 else {
      throw UsageError(
        arguments.positionals.isEmpty
          ? "give the new lesson's NAME, such as 'lesson new retries'"
          : "expected one NAME, found \(arguments.positionals.count) arguments")
    }
    lessonName = arguments.positionals[0]
    let valid =
      lessonName.first.map { $0.isASCII && $0.isLowercase } == true && lessonName.count <= 40
      && lessonName.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    guard valid else {
      throw UsageError(
        "NAME '\(lessonName)': expected lowercase letters, digits and underscores, starting with a letter (at most 40), such as retries"
      )
    }
    if let title = arguments.options["--title"], title.trimmingCharacters(in: .whitespaces).isEmpty {
      throw UsageError("--title needs the lesson's title")
    }
    if let title = arguments.options["--title"], title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      throw UsageError("--title holds a control character (a tab, a line break or an escape); give the title as plain text")
    }
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let course = try CourseContext(arguments, context: context).course
    let id = (course.entries.map(\.id).max() ?? 0) + 1
    guard id <= 999 else {
      throw .message("the course has lesson 999 already; a lesson number is at most 999", .invalidInput)
    }
    let folder = (id < 10 ? "0" : "") + "\(id)_\(lessonName)"
    let title = arguments.options["--title"] ?? lessonName.replacingOccurrences(of: "_", with: " ")
    let file = "\(lessonName)\(id).json"
    let lessonFolder = course.lessonsDirectory + "/" + folder
    let solutionFolder = course.solutionsDirectory + "/" + folder
    let indexPath = course.lessonsDirectory + "/index.json"
    func shown(_ path: String) -> String {
      CourseContext.relative(path, to: context.console.directory)
    }
    // Everything is checked before anything is written.
    if let same = course.entries.first(where: { $0.folder.drop { $0 != "_" }.dropFirst() == lessonName }) {
      throw .input(
        .unwritableFile(
          path: shown(course.lessonsDirectory + "/" + same.folder),
          reason: "lesson \(same.id) is named \(lessonName) already; expected a new NAME (nothing was written)"))
    }
    for path in [lessonFolder, solutionFolder] where FileManager.default.fileExists(atPath: path) {
      throw .input(
        .unwritableFile(path: shown(path), reason: "it exists; expected a new lesson folder (nothing was written)"))
    }
    guard let data = FileManager.default.contents(atPath: indexPath),
      let indexText = String(data: data, encoding: .utf8)
    else { throw .input(.missingFile(path: shown(indexPath))) }
    do {
      try OutputFile.check(indexPath)
      try OutputFile.checkFolder(lessonFolder)
      try OutputFile.checkFolder(solutionFolder)
    } catch { throw .input(error) }
    let entry = "{\"id\": \(id), \"folder\": \(JSONOutput.quote(folder)), \"title\": \(JSONOutput.quote(title))}"
    guard let newIndex = Self.appending(entry, toLessonsIn: indexText) else {
      throw .input(
        .invalidContent(
          path: shown(indexPath), field: "lessons", message: "cannot find the \"lessons\" list to add lesson \(id) to"))
    }

    let scaffold = LessonScaffold(id: id, title: title, file: file, folder: folder)
    var made: [String] = []
    do {
      try OutputFile.makeFolder(lessonFolder)
      made.append(lessonFolder)
      try OutputFile.makeFolder(solutionFolder)
      made.append(solutionFolder)
      try OutputFile.write(Data(scaffold.readme.utf8), to: lessonFolder + "/README.md")
      try OutputFile.write(Data(scaffold.spec.utf8), to: lessonFolder + "/spec.json")
      try OutputFile.write(Data(scaffold.starter.utf8), to: lessonFolder + "/" + file)
      try OutputFile.write(Data(scaffold.solution.utf8), to: solutionFolder + "/" + file)
      try OutputFile.write(Data(newIndex.utf8), to: indexPath)
    } catch {
      // Leave the course as it was: the new folders go, the index was written last.
      for folder in made { try? FileManager.default.removeItem(atPath: folder) }
      throw .input(error)
    }
    let console = context.console
    console.print("Made lesson \(id), \"\(title)\":")
    for path in [
      lessonFolder + "/README.md", lessonFolder + "/spec.json", lessonFolder + "/" + file, solutionFolder + "/" + file,
    ] {
      console.print("  \(shown(path))")
    }
    console.print("  \(shown(indexPath)) (lesson \(id) added)")
    console.print("")
    for line in TextLayout.wrap(
      "Write the README, change the calls and the rules, then run 'lesson verify': the solution must pass and the starter fail with \"starterMistake\".",
      width: console.width)
    {
      console.print(line)
    }
    return .success
  }

  /// `index` with `entry` added at the end of its top-level `"lessons"` list, on its own line
  /// indented as the entries before it; `nil` when there is no such list.
  static func appending(_ entry: String, toLessonsIn index: String) -> String? {
    let chars = Array(index)
    var depth = 0
    var inString = false
    var escaped = false
    var lastKey = ""
    var keyStart: Int?
    var listStart: Int?
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if inString {
        if escaped {
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == "\"" {
          inString = false
          if let start = keyStart, depth == 1 { lastKey = String(chars[(start + 1)..<i]) }
          keyStart = nil
        }
      } else if c == "\"" {
        inString = true
        keyStart = i
      } else if c == "{" || c == "[" {
        if c == "[" && depth == 1 && lastKey == "lessons" { listStart = i }
        depth += 1
      } else if c == "}" || c == "]" {
        depth -= 1
        if c == "]" && depth == 1, let start = listStart {
          // The list's last entry ends at the last non-space before `]`.
          var end = i - 1
          while end > start && chars[end].isWhitespace { end -= 1 }
          let empty = end == start
          var indent = "    "
          if !empty {
            var lineStart = end
            while lineStart > start && !chars[lineStart - 1].isNewline { lineStart -= 1 }
            let leading = chars[lineStart...end].prefix { $0 == " " || $0 == "\t" }
            if lineStart > start && !leading.isEmpty { indent = String(leading) }
          }
          let before = String(chars[...end])
          let after = String(chars[(end + 1)...])
          return before + (empty ? "" : ",") + "\n" + indent + entry + (empty ? "\n  " : "") + after
        }
      }
      i += 1
    }
    return nil
  }
}

/// The files of a new lesson: a starter that fails with `no-limit`, a solution that passes with
/// the evidence of its own run, the evidence card and the README.
struct LessonScaffold {
  let id: Int
  let title: String
  let file: String
  let folder: String

  static let calls: [(String, String)] = [("search", "0.1"), ("database", "0.2"), ("slow_tool", "1.0")]

  var starter: String {
    """
    {
      "$schema": "../../lessons/schema/configuration.schema.json",
      "limit": null,
      "timeout": null,
      "calls": [
    \(Self.callLines)
      ],
      "evidence": {"results": [], "timeouts": 0, "note": ""}
    }

    """
  }

  var solution: String {
    let batch = GatherBatch(
      limit: 2, timeout: .milliseconds(500),
      calls: Self.calls.map { GatherCall(name: $0.0, delay: .milliseconds(Int(Double($0.1)! * 1000))) })
    let trace = GatherEngine.runVirtual(batch)
    let results = (trace.results ?? []).map { JSONOutput.quote($0 ?? "") }.joined(separator: ", ")
    return """
      {
        "$schema": "../../lessons/schema/configuration.schema.json",
        "limit": 2,
        "timeout": 0.5,
        "calls": [
      \(Self.callLines)
        ],
        "evidence": {
          "results": [\(results)],
          "timeouts": \(trace.timeouts ?? 0),
          "note": "A limit of 2 keeps the upstream tools from a burst of every call at once, and the 0.5 s timeout stops slow_tool from holding the batch."
        }
      }

      """
  }

  static var callLines: String {
    calls.enumerated().map { index, call in
      "    {\"name\": \"\(call.0)\", \"delay\": \(call.1)}" + (index < calls.count - 1 ? "," : "")
    }.joined(separator: "\n")
  }

  var spec: String {
    """
    {
      "$schema": "../schema/spec.schema.json",
      "formatVersion": 1,
      "id": \(id),
      "title": \(JSONOutput.quote(title)),
      "file": \(JSONOutput.quote(file)),
      "goal": "Limit 2 and a 0.5 s timeout on every call: search and database finish, slow_tool times out.",
      "rules": [
        {"check": "limit", "value": 2},
        {"check": "every-call-timed"},
        {"check": "timeout-inside-semaphore"},
        {"check": "peak-within", "value": 2},
        {"check": "evidence-matches"}
      ],
      "starterMistake": "no-limit",
      "hints": [
        "Two things are missing: something that bounds how many calls run at once, and something that stops waiting for slow_tool.",
        "Set \\"limit\\": 2 and \\"timeout\\": 0.5, run 'lesson run' on your file, and copy what it printed into \\"evidence\\"."
      ]
    }

    """
  }

  var readme: String {
    """
    # Lesson \(id) — \(title)

    Why this lesson matters for an AI app, in a paragraph: what the batch of tool calls is, and what
    goes wrong without it.

    ## Your task
    Your copy of the starter is `workspace/\(folder)/\(file)`. Run it and look at the timeline:

        lesson run workspace/\(folder)/\(file)

    Change it as the lesson asks, report what you observed in `"evidence"`, and check it:

        lesson check \(id)

    ## What is checked
    - one shared limit of 2 (`"limit": 2`), never more than 2 calls at once;
    - a timeout on every call, started when the call gets its turn;
    - the results and the number of timeouts you report are the ones the run shows.

    """
  }
}
