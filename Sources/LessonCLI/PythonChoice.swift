import Foundation
import GuardedGather
import LessonKit

/// Which CPython's asyncio a command models: `--python X.Y`, else `LESSON_PYTHON`, else the
/// version the course pins in `lessons/index.json`, else ``PythonVersion/default``.
enum PythonChoice {
  static let option = "--python"
  static let environment = "LESSON_PYTHON"
  /// The option's help, its text starting at `column` as the command's other options do.
  static func help(column: Int) -> String {
    let name = "  --python X.Y"
    let pad = String(repeating: " ", count: max(column - name.count, 1))
    return name + pad + "The Python whose asyncio to model: \(PythonVersion.supportedList).\n"
      + String(repeating: " ", count: name.count + pad.count)
      + "The default is LESSON_PYTHON, else the course's pin, else \(PythonVersion.default)."
  }

  /// The version given on the command line or in the environment, checked.
  ///
  /// - Throws: ``UsageError`` naming the supported versions for anything else.
  static func given(_ arguments: Arguments) throws(UsageError) -> PythonVersion? {
    if let text = arguments.options[option] { return try parse(text, from: option) }
    if let text = ProcessInfo.processInfo.environment[environment], !text.isEmpty {
      return try parse(text, from: environment)
    }
    return nil
  }

  /// The version for a command that has a course.
  static func resolve(_ arguments: Arguments, course: Course?) throws(CommandFailure) -> PythonVersion {
    do { return try given(arguments) ?? course?.python ?? .default } catch { throw .usage(error) }
  }

  static func parse(_ text: String, from source: String) throws(UsageError) -> PythonVersion {
    guard let version = PythonVersion(rawValue: text) else {
      let patch = PythonVersion(parsing: text).map { "; give it without the patch number, as '\($0)'" }
      throw UsageError(
        "\(source) \(text.isEmpty ? "is empty" : "'\(text)' is not a supported Python")\(patch ?? ""); the supported versions are \(PythonVersion.supportedList)"
      )
    }
    return version
  }
}
