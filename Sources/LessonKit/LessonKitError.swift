/// Why a file given to `lesson` cannot be used. Each case names the file, the place in it and
/// what was expected, so a learner can fix it from the message alone.
public enum LessonKitError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file does not exist.
  case missingFile(path: String)
  /// The file exists but cannot be read: a directory, no permission, too large.
  case unreadableFile(path: String, reason: String)
  /// The file is not valid JSON (or not valid UTF-8).
  case invalidJSON(path: String, error: JSONSyntaxError)
  /// A field has the wrong type or value.
  case invalidField(path: String, field: String, expected: String, found: String)
  /// A required field is missing.
  case missingField(path: String, field: String, expected: String)
  /// A field that `lesson` does not know, with the nearest known one.
  case unknownField(path: String, field: String, suggestion: String?, known: [String])
  /// An output file could not be written.
  case unwritableFile(path: String, reason: String)
  /// A Python program `lesson` cannot read: where, and what.
  case pythonProgram(path: String, line: Int, column: Int, message: String)
  /// The content is valid on its own but breaks a rule of the whole file.
  case invalidContent(path: String, field: String, message: String)
  /// A folder that does not exist, and what it should have held.
  case missingFolder(path: String, expected: String)
  /// A class folder that holds no entry for a learner, with the learners it does hold.
  case missingLearner(path: String, learner: String, found: [String])

  /// The same error about a file named `new` in messages instead of `old`.
  public func renamed(from old: String, to new: String) -> LessonKitError {
    func swap(_ path: String) -> String { path == old ? new : path }
    switch self {
    case .missingFile(let path): return .missingFile(path: swap(path))
    case .unreadableFile(let path, let reason): return .unreadableFile(path: swap(path), reason: reason)
    case .unwritableFile(let path, let reason): return .unwritableFile(path: swap(path), reason: reason)
    case .invalidJSON(let path, let error): return .invalidJSON(path: swap(path), error: error)
    case .invalidField(let path, let field, let expected, let found):
      return .invalidField(path: swap(path), field: field, expected: expected, found: found)
    case .missingField(let path, let field, let expected):
      return .missingField(path: swap(path), field: field, expected: expected)
    case .unknownField(let path, let field, let suggestion, let known):
      return .unknownField(path: swap(path), field: field, suggestion: suggestion, known: known)
    case .invalidContent(let path, let field, let message):
      return .invalidContent(path: swap(path), field: field, message: message)
    case .pythonProgram(let path, let line, let column, let message):
      return .pythonProgram(path: swap(path), line: line, column: column, message: message)
    case .missingFolder(let path, let expected): return .missingFolder(path: swap(path), expected: expected)
    case .missingLearner(let path, let learner, let found):
      return .missingLearner(path: swap(path), learner: learner, found: found)
    }
  }

  /// The exit code the command line uses: 66 for a missing file, 65 for one that is not valid.
  public var exitCode: Int32 {
    switch self {
    case .missingFile, .missingFolder, .missingLearner: 66
    case .unwritableFile: 73
    default: 65
    }
  }

  /// The file the error is about.
  public var path: String {
    switch self {
    case .missingFile(let path), .unreadableFile(let path, _), .unwritableFile(let path, _), .invalidJSON(let path, _),
      .invalidField(let path, _, _, _), .missingField(let path, _, _), .unknownField(let path, _, _, _),
      .invalidContent(let path, _, _), .pythonProgram(let path, _, _, _), .missingFolder(let path, _),
      .missingLearner(let path, _, _):
      path
    }
  }

  public var description: String {
    switch self {
    case .missingFile(let path):
      "\(path): no such file; check the path (run 'lesson list' to see the lesson files)"
    case .unreadableFile(let path, let reason):
      "\(path): cannot be read: \(reason)"
    case .unwritableFile(let path, let reason):
      "\(path): cannot be written: \(reason)"
    case .invalidJSON(let path, let error):
      "\(path):\(error.line):\(error.column): not valid JSON: \(error.message)"
    case .invalidField(let path, let field, let expected, let found):
      "\(path): \(field): expected \(expected), found \(found)"
    case .missingField(let path, let field, let expected):
      "\(path): \(field): missing; expected \(expected)"
    case .unknownField(let path, let field, let suggestion, let known):
      if let suggestion {
        "\(path): \(field): unknown field; did you mean '\(suggestion)'?"
      } else {
        "\(path): \(field): unknown field; the known fields here are \(known.map { "'\($0)'" }.joined(separator: ", "))"
      }
    case .invalidContent(let path, let field, let message):
      "\(path): \(field): \(message)"
    case .pythonProgram(let path, let line, let column, let message):
      "\(path):\(line):\(column): \(message)"
    case .missingFolder(let path, let expected):
      "\(path): no such folder; expected \(expected)"
    case .missingLearner(let path, let learner, let found):
      "\(path): no submission from learner '\(learner)'"
        + (JSONFieldReader.nearest(learner, in: found).map { " (did you mean '\($0)'?)" } ?? "")
        + "; found \(Self.list(found, noun: "learner")); expected \(path)/\(learner)/, \(path)/\(learner).json or "
        + "\(path)/\(learner).py, or \(learner)'s own folder"
    }
  }

  /// `3 learners (alice, bob, carol)`, naming at most five.
  static func list(_ names: [String], noun: String) -> String {
    guard !names.isEmpty else { return "no \(noun)s" }
    let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
    return "\(names.count) \(noun)\(names.count == 1 ? "" : "s") (\(shown))"
  }
}
