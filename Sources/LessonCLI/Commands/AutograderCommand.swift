import Foundation
import LessonKit

/// `lesson autograder gradescope N` / `lesson autograder github N`: plugs a lesson into the graders
/// an institution already runs.
struct AutograderCommand: LessonCommand {
  static let name = "autograder"
  static let abstract = "Make an autograder for a lesson: a Gradescope zip or a GitHub Classroom workflow."
  static let usage =
    "lesson autograder (gradescope | github) N [--output FILE] [--force] [--binary PATH] [--url URL] [--course DIR]"
  static let discussion = """
    gradescope N writes a zip to upload as a Gradescope programming assignment's autograder:
    setup.sh, run_autograder, the lesson binary and the course's lessons/ (never solutions/).
    For each submission, run_autograder runs
      lesson grade N /autograder/submission --learner NAME --format gradescope
        --output /autograder/results/results.json
    with NAME from submission_metadata.json (the first user's email, before the @), or
    "submission". A submission that cannot be graded at all still gets a results.json saying why.
    The binary must run on Gradescope's Linux without Swift: make it with .ci/release
    (dist/lesson) and pass it with --binary; a binary that needs the Swift libraries is
    packed with a warning.

    github N writes a GitHub Classroom workflow (.github/workflows/lesson.yml) that, on every push,
    downloads the course archive made by .ci/release (lesson-course.tar.gz, from --url or the
    repository or organization variable LESSON_COURSE_URL) and runs its 'lesson check N' on the
    learner's workspace/. No Swift is installed on the runner.

    Options:
      --output FILE     Where to write. The default is autograder.zip (gradescope) or
                        .github/workflows/lesson.yml (github; only then are .github/workflows/
                        made). Written atomically; its folder must exist.
      --force           Replace FILE if it exists (without it, an existing FILE is refused).
      --binary PATH     gradescope: the lesson binary to pack (default: this one).
      --url URL         github: where the workflow downloads lesson-course.tar.gz.
      --course DIR      The course folder.

    Exit codes: 0 written, 64 bad usage, 65 an invalid lesson file, 66 the course or the binary
    not found, 73 FILE exists (without --force) or cannot be written.
    """

  enum Kind: String, CaseIterable {
    case gradescope, github
  }

  var arguments: Arguments
  var kind: Kind
  var lesson: String

  init(arguments words: [String]) throws(UsageError) {
    arguments = try Arguments(
      words, flags: ["--force"], options: ["--output", "--binary", "--url", "--course", "--workspace"])
    let kinds = Kind.allCases.map(\.rawValue)
    guard let first = arguments.positionals.first else {
      throw UsageError("say which autograder: 'lesson autograder gradescope N' or 'lesson autograder github N'")
    }
    guard let kind = Kind(rawValue: first) else {
      let hint = Arguments.nearest(first, in: kinds).map { "; did you mean '\($0)'?" } ?? ""
      throw UsageError("unknown autograder '\(first)'\(hint); the autograders are \(kinds.joined(separator: ", "))")
    }
    self.kind = kind
    guard arguments.positionals.count == 2 else {
      throw UsageError(
        arguments.positionals.count < 2
          ? "missing N, the lesson number ('lesson autograder \(kind.rawValue) N')"
          : "expected the autograder and one lesson number, found \(arguments.positionals.count) arguments")
    }
    lesson = arguments.positionals[1]
    for (option, what) in [("--output", "a file path"), ("--binary", "a file path"), ("--url", "a URL")]
    where arguments.options[option]?.isEmpty == true {
      throw UsageError("\(option) needs \(what)")
    }
    if kind == .github, arguments.options["--binary"] != nil {
      throw UsageError("--binary is for gradescope; the github workflow downloads the course archive (--url)")
    }
    if kind == .gradescope, arguments.options["--url"] != nil {
      throw UsageError("--url is for github; gradescope packs the binary itself (--binary)")
    }
    if let url = arguments.options["--url"], !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
      throw UsageError("--url: expected an http(s) URL of lesson-course.tar.gz, found '\(url)'")
    }
  }

  var force: Bool { arguments.flags.contains("--force") }

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let given = arguments.options["--output"]
    let output = given ?? (kind == .gradescope ? "autograder.zip" : ".github/workflows/lesson.yml")
    let path = context.resolve(output)
    // The output first: nothing is read or made when it cannot be written.
    if FileManager.default.fileExists(atPath: path), !force {
      throw .input(.unwritableFile(path: output, reason: "it exists; expected a new file (pass --force to replace it)"))
    }
    if given != nil || kind == .gradescope {
      do { try OutputFile.check(path, example: kind == .gradescope ? "autograder.zip" : "lesson.yml") } catch {
        throw .input(error.renamed(from: path, to: output))
      }
    }
    let course = try CourseContext(arguments, context: context)
    let (entry, spec) = try course.lesson(lesson)
    let data: Data
    switch kind {
    case .gradescope:
      data = try gradescope(course.course, entry: entry, spec: spec, context: context)
    case .github:
      data = Data(GitHubWorkflow(course: course.course, lesson: entry.id, url: arguments.options["--url"]).yaml.utf8)
      if given == nil {
        do {
          try OutputFile.makeFolder(context.resolve(".github"))
          try OutputFile.makeFolder(context.resolve(".github/workflows"))
        } catch { throw .input(error) }
      }
    }
    do { try OutputFile.write(data, to: path) } catch { throw .input(error.renamed(from: path, to: output)) }
    switch kind {
    case .gradescope:
      context.console.error(
        "lesson: wrote \(output): a Gradescope autograder for lesson \(entry.id) (upload it as the assignment's autograder)"
      )
    case .github:
      context.console.error(
        "lesson: wrote \(output): a GitHub Classroom workflow that runs 'lesson check \(entry.id)' on every push"
          + (arguments.options["--url"] == nil
            ? " (set the variable LESSON_COURSE_URL to lesson-course.tar.gz's URL)" : ""))
    }
    return .success
  }

  /// The Gradescope zip: the scripts, the binary and the course's lessons.
  func gradescope(_ course: Course, entry: Course.Entry, spec: LessonSpec, context: CommandContext)
    throws(CommandFailure) -> Data
  {
    guard let binaryName = arguments.options["--binary"] ?? context.console.executable else {
      throw .usage(
        UsageError("cannot tell which lesson binary to pack; name it with --binary PATH (such as dist/lesson)"))
    }
    let binaryPath = context.resolve(binaryName)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: binaryPath, isDirectory: &isFolder) else {
      throw .input(.missingFile(path: binaryName))
    }
    guard !isFolder.boolValue, let binary = FileManager.default.contents(atPath: binaryPath) else {
      throw .input(.unreadableFile(path: binaryName, reason: "expected the lesson program (a file)"))
    }
    if let problem = GradescopeAutograder.portabilityProblem(binary) {
      context.console.error("lesson: warning: \(binaryName): \(problem)")
    }
    var zip = ZipArchive()
    let autograder = GradescopeAutograder(
      course: course, lesson: entry.id, maxScore: Grader.maximumScore(spec), files: course.learnerFiles(spec))
    zip.add("setup.sh", Data(autograder.setup.utf8), mode: 0o755)
    zip.add("run_autograder", Data(autograder.runAutograder.utf8), mode: 0o755)
    zip.add("lesson", binary, mode: 0o755)
    let lessons = course.root + "/lessons"
    for file in Self.files(under: lessons) {
      guard let contents = FileManager.default.contents(atPath: lessons + "/" + file) else {
        throw .input(.unreadableFile(path: "lessons/" + file, reason: "cannot read it to pack it"))
      }
      zip.add("lessons/" + file, contents)
    }
    do { return try zip.bytes() } catch {
      throw .input(.unwritableFile(path: error.path, reason: "too large for a zip (4 GiB at most)"))
    }
  }

  /// The regular files under `folder`, relative to it, sorted; hidden files and links skipped.
  static func files(under folder: String) -> [String] {
    var found: [String] = []
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    while let item = walker.nextObject() as? String {
      let name = (item as NSString).lastPathComponent
      if name.hasPrefix(".") {
        walker.skipDescendants()
        continue
      }
      let type = walker.fileAttributes?[.type] as? FileAttributeType
      if type == .typeRegular { found.append(item) }
    }
    return found.sorted()
  }
}
