import Foundation
import LessonKit

/// `lesson reset N [--python]`: back to the starter, keeping a backup of the learner's file.
struct ResetCommand: LessonCommand {
  static let name = "reset"
  static let abstract = "Put a lesson's starter back, keeping your file as a backup."
  static let usage = "lesson reset N [--python | --json]"
  static let discussion = """
    Resets your workspace copy of the file you work on for this lesson (the one 'lesson check N'
    checks): the configuration, or the Python program (async_batch.py). --python or --json picks
    one. Your file is kept as *.bak, *.bak1, …

    Options: --python, --json, --course DIR, --workspace DIR (see 'lesson help check').
    """

  var input: LessonArguments

  init(arguments words: [String]) throws(UsageError) {
    input = try LessonArguments(words, flags: ["--python", "--json"])
    if input.arguments.flags.isSuperset(of: ["--python", "--json"]) {
      throw UsageError("--python and --json cannot be used together; pick the file to reset")
    }
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let (course, entry, spec) = try input.load(context)
    let flags = input.arguments.flags
    let python: Bool
    if flags.contains("--python") {
      guard spec.pythonFile != nil else {
        throw .usage(
          UsageError(
            "lesson \(entry.id) has no Python starter; reset its configuration with 'lesson reset \(entry.id)'"))
      }
      python = true
    } else if flags.contains("--json") {
      python = false
    } else {
      let (progress, _) = course.workspace.loadProgress()
      python = spec.pythonFile != nil && course.workspace.routePath(entry, spec, progress: progress).hasSuffix(".py")
    }
    // A learner who checked the course's own starter in place edited the only copy there is.
    let starter = course.course.starterPath(entry, spec, python: python)
    var (progress, _) = course.workspace.loadProgress()
    let editedInPlace = course.workspace.rememberedPath(entry, progress: progress).map {
      CheckCommand.samePath($0, starter)
    } ?? false
    let backup: String?
    do { backup = try course.workspace.reset(entry, spec, python: python) } catch { throw .input(error) }
    let path = course.workspace.learnerPath(entry, spec, python: python)
    let file = course.display(path, from: context.console.directory)
    // 'lesson check N' checks the file just reset from now on.
    progress[entry.id].file = course.workspace.remembered(path)
    do { try course.workspace.save(progress) } catch {
      context.console.error("lesson: warning: progress not saved: \(error.description)")
    }
    var lines: [String]
    if editedInPlace {
      let shown = course.display(starter, from: context.console.directory)
      let inCourse = starter.hasPrefix(course.course.root + "/") ? String(starter.dropFirst(course.course.root.count + 1)) : starter
      let git = FileManager.default.fileExists(atPath: course.course.root + "/.git")
      lines = [
        "\(shown) is the course's own starter, and you have been checking it in place. lesson keeps no "
          + "other copy of it, so it cannot undo what you changed there"
          + (git ? "; in the course folder, 'git checkout -- \(inCourse)' can." : "."),
        "\(file) is now a copy of it as it is, and 'lesson check \(entry.id)' checks that copy from now on.",
      ]
    } else {
      lines = ["\(file) is the starter again."]
    }
    if let backup {
      lines.append("Your previous file is kept as \(course.display(backup, from: context.console.directory)).")
    }
    for line in lines.flatMap({ TextLayout.wrap($0, width: context.console.width) }) { context.console.print(line) }
    return .success
  }
}
