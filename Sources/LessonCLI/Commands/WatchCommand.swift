import Foundation
import LessonKit

/// `lesson watch N`: checks again every time the learner saves the file.
struct WatchCommand: LessonCommand {
  static let name = "watch"
  static let abstract = "Check a lesson again every time you save your file (Ctrl-C to stop)."
  static let usage = "lesson watch N [--file F] [--strict] [--stay]"
  static let discussion = """
    Checks once, then again whenever the file's contents change (it looks twice a second), on a
    cleared screen. After a pass it moves on to the next lesson's file; press s then to stay on
    the lesson you passed, or give --stay to stay on every lesson.

    Options: --file F, --strict, --course DIR, --workspace DIR (see 'lesson help check');
      --max-checks K   Stop after K checks (for scripts).
    """

  var check: CheckCommand
  var maxChecks: Int?
  /// Whether to stay on a lesson after it passes, instead of moving on to the next one.
  var stay = false

  init(arguments words: [String]) throws(UsageError) {
    let arguments = try Arguments(
      words, flags: ["--strict", "--stay"], options: CourseContext.options.union(["--file", "--max-checks"]))
    if let text = arguments.options["--max-checks"] {
      guard let value = Int(text), value > 0 else { throw UsageError("--max-checks takes a whole number above 0") }
      maxChecks = value
    }
    var forwarded = words
    if let index = forwarded.firstIndex(of: "--max-checks") { forwarded.removeSubrange(index...index + 1) }
    forwarded.removeAll { $0.hasPrefix("--max-checks=") || $0 == "--stay" }
    stay = arguments.flags.contains("--stay")
    check = try CheckCommand(arguments: forwarded)
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    var (course, entry, spec) = try check.input.load(context)
    var (path, display) = try check.learnerFile(entry, spec, course: course, context: context)
    var detector = ChangeDetector()
    var checks = 0
    var last = ExitCode.success
    // Keys only on a terminal, and never in a scripted run.
    let keys = context.console.isTerminal && maxChecks == nil ? KeyInput() : nil
    var staying = stay
    /// The lesson just passed, which `s` goes back to.
    var passed: (Course.Entry, LessonSpec)?
    while maxChecks.map({ checks < $0 }) ?? true {
      if detector.changed(FileStamp(path: path)) {
        if context.console.isTerminal {
          // The newest result only: clear the screen and start at the top.
          context.console.out("\u{1B}[2J\u{1B}[H")
        } else if checks > 0 {
          context.console.print(String(repeating: "─", count: min(context.console.width, 60)))
        }
        // The next lesson not passed yet: after this one, else the first left.
        let (passedSoFar, _) = course.workspace.loadProgress()
        let next = staying ? nil : passedSoFar.next(after: entry.id, in: course.course)
        var nextStep: String?
        if let next, let nextSpec = try? course.course.spec(next) {
          let (progress, _) = course.workspace.loadProgress()
          let file = course.display(
            course.workspace.routePath(next, nextSpec, progress: progress), from: context.console.directory)
          nextStep =
            "Next: lesson \(next.id), \(next.title) ('lesson show \(next.id)'). Watching \(file) for lesson "
            + "\(next.id) now; save it to check it\(keys == nil ? "" : ", s to stay on lesson \(entry.id)"), Ctrl-C to stop."
        }
        do {
          last = try check.check(
            path: path, display: display, entry: entry, spec: spec, course: course, context: context,
            nextStep: nextStep, watching: true)
        } catch {
          // A half-saved file is normal while editing: say what is wrong and keep watching.
          switch error {
          case .input(let input): context.console.error("lesson: error: \(input.description)")
          case .message(let message, _): context.console.error("lesson: error: \(message)")
          case .usage(let usage): context.console.error("lesson: error: \(usage.message)")
          }
          last = .invalidInput
        }
        checks += 1
        if last == .success, let next {
          // On to the next lesson; it is checked when its file is saved.
          passed = (entry, spec)
          let (_, nextSpec) = try course.lesson(String(next.id))
          entry = next
          spec = nextSpec
          (path, display) = try check.learnerFile(entry, spec, course: course, context: context, useFile: false)
          detector = ChangeDetector()
          _ = detector.changed(FileStamp(path: path))
        }
      }
      if maxChecks.map({ checks >= $0 }) ?? false { break }
      guard let keys else {
        Thread.sleep(forTimeInterval: 0.5)
        continue
      }
      if let byte = keys.key(waiting: 500), WatchKey(byte) == .stay, let (back, backSpec) = passed {
        // Back to the lesson just passed, and stay there.
        staying = true
        passed = nil
        (entry, spec) = (back, backSpec)
        (path, display) = try check.learnerFile(entry, spec, course: course, context: context, useFile: false)
        detector = ChangeDetector()
        _ = detector.changed(FileStamp(path: path))
        let text =
          "Staying on lesson \(entry.id): watching \(course.display(path, from: context.console.directory)); "
          + "save it to check it again, Ctrl-C to stop."
        for line in TextLayout.wrap(text, width: context.console.width) { context.console.print(line) }
      }
    }
    return last
  }
}

/// What identifies a version of a file: its contents' hash (so that saving the same text does
/// nothing), or its absence.
struct FileStamp: Hashable {
  var hash: Int?

  init(hash: Int?) { self.hash = hash }

  init(path: String) {
    guard let data = FileManager.default.contents(atPath: path) else {
      hash = nil
      return
    }
    var hasher = Hasher()
    hasher.combine(data)
    hash = hasher.finalize()
  }
}

/// Tells when a file changed since the last look; the first look counts as a change.
struct ChangeDetector {
  private var last: FileStamp?
  private var looked = false

  mutating func changed(_ stamp: FileStamp) -> Bool {
    defer {
      last = stamp
      looked = true
    }
    return !looked || stamp != last
  }
}

/// The change detector of `watch`, for tests.
public struct WatchProbe {
  private var detector = ChangeDetector()
  public init() {}
  public mutating func changed(hash: Int?) -> Bool { detector.changed(FileStamp(hash: hash)) }
}
