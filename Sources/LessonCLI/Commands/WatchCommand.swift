import Foundation
import LessonKit

/// `lesson watch N`: checks again every time the learner saves the file.
struct WatchCommand: LessonCommand {
  static let name = "watch"
  static let abstract = "Check a lesson again every time you save your file (Ctrl-C to stop)."
  static let usage = "lesson watch N [--file F] [--strict]"
  static let discussion = """
    Checks once, then again whenever the file's contents change (it looks twice a second).

    Options: --file F, --strict, --course DIR, --workspace DIR (see 'lesson help check');
      --max-checks K   Stop after K checks (for scripts).
    """

  var check: CheckCommand
  var maxChecks: Int?

  init(arguments words: [String]) throws(UsageError) {
    let arguments = try Arguments(
      words, flags: ["--strict"], options: CourseContext.options.union(["--file", "--max-checks"]))
    if let text = arguments.options["--max-checks"] {
      guard let value = Int(text), value > 0 else { throw UsageError("--max-checks takes a whole number above 0") }
      maxChecks = value
    }
    var forwarded = words
    if let index = forwarded.firstIndex(of: "--max-checks") { forwarded.removeSubrange(index...index + 1) }
    forwarded.removeAll { $0.hasPrefix("--max-checks=") }
    check = try CheckCommand(arguments: forwarded)
  }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let (course, entry, spec) = try check.input.load(context)
    let (path, display) = try check.learnerFile(entry, spec, course: course, context: context)
    var detector = ChangeDetector()
    var checks = 0
    var last = ExitCode.success
    while maxChecks.map({ checks < $0 }) ?? true {
      if detector.changed(FileStamp(path: path)) {
        if checks > 0 { context.console.print(String(repeating: "─", count: min(context.console.width, 60))) }
        do {
          last = try check.check(
            path: path, display: display, entry: entry, spec: spec, course: course, context: context)
        } catch {
          // A half-saved file is normal while editing: say what is wrong and keep watching.
          if case .input(let input) = error { context.console.error("lesson: error: \(input.description)") }
          last = .invalidInput
        }
        checks += 1
        context.console.print(context.style.dim("Watching \(display); save it to check again, Ctrl-C to stop."))
      }
      if maxChecks.map({ checks >= $0 }) ?? false { break }
      Thread.sleep(forTimeInterval: 0.5)
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
