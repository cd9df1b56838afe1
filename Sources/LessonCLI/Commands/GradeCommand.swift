import Foundation
import GuardedGather
import LessonKit

/// `lesson grade N DIR` / `lesson grade --all DIR`: grades a class's submissions.
struct GradeCommand: LessonCommand {
  static let name = "grade"
  static let abstract = "Grade a class's submissions into a gradebook."
  static let usage =
    "lesson grade (N | --all) DIR [--format F] [--output FILE] [--learner NAME] [--roster FILE] [--feedback DIR] [--strict] [--python X.Y]"
  static let discussion = """
    DIR holds one file per learner (DIR/<learner>.json or DIR/<learner>.py, for one lesson) or one
    folder per learner (a copy of the learner's workspace or a cloned repository; each lesson's file
    is found inside). Every submission is graded in isolation; a broken or hostile one is reported
    as an error with the reason and never stops the others. Links that leave DIR are not followed.

    Which file is a learner's submission for lesson N: files named as the lesson's configuration
    (guarded_gather2.json) or program (async_batch.py), at most 6 folders down, not inside another
    lesson's folder. Of several, the first by: 1. outside lessons/ and solutions/ (the course's own
    copies; a link out of DIR, never read, after all); 2. the shallowest (DIR/bob.json before
    DIR/bob/...); 3. inside the lesson's folder (02_guarded_gather/); 4. the .json before the .py;
    5. the path. A warning names every candidate and the one taken, and a file that is a link
    into another learner's folder.

    Statuses: pass, fail, error (handed in but unreadable or invalid; the reason is given) and
    missing (nothing handed in). An error or a missing submission scores 0 out of the lesson's
    maximum.

    Options:
      --all               Grade every lesson (needs a folder per learner).
      --format F          table, csv, json, junit, gradescope or html. The default is from
                          --output's extension (.csv, .json, .xml for junit, .html, .txt for
                          table; another extension needs --format), or table on standard output.
                          html is one self-contained page for the class: pass rates, the
                          mistakes, a failing run's timeline, a sortable table of learners
                          (with links to the --feedback files, relative to --output's folder,
                          or to the current folder on standard output).
      --output FILE       Write there (atomically) instead of standard output. Its folder must
                          exist; nothing else is created.
      --learner NAME      Grade only NAME: DIR/NAME/, DIR/NAME.json or DIR/NAME.py, or DIR itself
                          when it is named NAME or is one learner's folder (a lesson file, a
                          lesson's folder, workspace/, lessons/ or solutions/ at its top), as in a
                          Gradescope autograder. Anything else is refused, naming what DIR holds.
      --roster FILE       The learners expected: one id per line, or a CSV file with a login,
                          username, email or SID column. Learners on it with nothing handed in are
                          missing; learners not on it are graded with a warning.
      --feedback DIR      Also write one Markdown file per learner into DIR (made if its folder
                          exists): each lesson's verdict, each check, each mistake with why and
                          the fix, and what to do next. Other files in DIR are left alone.
      --strict            Count warnings (such as fragile-margin) as failures, as in check.
      --jobs N            Grading processes at once (default: one per core). Each submission is
                          graded in a worker process; one that dies or overruns is replaced and
                          that submission is an error. 0 grades in this process, unsupervised.
      --budget S          Seconds one submission may take in a worker (default 10).
      --course DIR        The course folder.
    \(PythonChoice.help(column: 22))

    Exit codes: 0 every submission passed, 1 some failed, could not be graded or are missing,
    64 bad usage, 65 invalid roster, 66 DIR, the roster or the learner missing, 73 the output
    cannot be written.
    """

  var arguments: Arguments
  var lesson: String?
  var directory: String
  var format: GradebookFormat
  /// Why the format cannot be told from `--output`, reported once the output itself is checked.
  var unknownFormat: UsageError?
  var strict: Bool { arguments.flags.contains("--strict") }

  init(arguments words: [String]) throws(UsageError) {
    arguments = try Arguments(
      words, flags: ["--all", "--strict"],
      options: [
        "--format", "--output", "--learner", "--course", "--roster", "--jobs", "--budget", "--feedback",
        PythonChoice.option,
      ])
    _ = try PythonChoice.given(arguments)
    let all = arguments.flags.contains("--all")
    let expected = all ? 1 : 2
    guard arguments.positionals.count == expected else {
      throw UsageError(
        all ? "with --all, give only DIR" : "give the lesson number N and the class folder DIR (or --all DIR)")
    }
    lesson = all ? nil : arguments.positionals[0]
    directory = arguments.positionals[expected - 1]
    let names = GradebookFormat.allCases.map(\.rawValue).joined(separator: ", ")
    if let name = arguments.options["--format"] {
      guard let format = GradebookFormat(rawValue: name) else {
        let hint =
          Arguments.nearest(name, in: GradebookFormat.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
        throw UsageError("unknown format '\(name)'\(hint); the formats are \(names)")
      }
      self.format = format
    } else if let output = arguments.options["--output"] {
      let suffix = URL(fileURLWithPath: output).pathExtension.lowercased()
      format = GradebookFormat(extension: suffix) ?? .table
      if GradebookFormat(extension: suffix) == nil {
        unknownFormat = UsageError(
          "cannot tell the format from '\(output)'; name it .csv, .json, .xml (junit), .html or .txt (table), or give --format"
        )
      }
    } else {
      format = .table
    }
    for (option, what) in [
      ("--learner", "a name"), ("--output", "a file path"), ("--roster", "a file path"), ("--feedback", "a folder"),
    ] where arguments.options[option]?.isEmpty == true {
      throw UsageError("\(option) needs \(what)")
    }
    if let text = arguments.options["--jobs"] {
      guard let count = Int(text), (0...256).contains(count) else {
        throw UsageError("--jobs: expected a whole number of processes from 0 to 256, found '\(text)'")
      }
      jobs = count
    }
    if let text = arguments.options["--budget"] {
      guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
        throw UsageError("--budget: expected seconds from 0 to 3600, such as 10, found '\(text)'")
      }
      budget = seconds
    }
  }

  /// Grading processes; `nil` for one per core.
  var jobs: Int?
  /// Seconds one submission may take in a worker.
  var budget = 10.0

  func run(_ context: CommandContext) throws(CommandFailure) -> ExitCode {
    let output = arguments.options["--output"]
    if let output {
      do { try OutputFile.check(context.resolve(output)) } catch {
        throw .input(error.renamed(from: context.resolve(output), to: output))
      }
    }
    if let unknownFormat { throw .usage(unknownFormat) }
    let feedback = arguments.options["--feedback"]
    if let feedback {
      do { try OutputFile.checkFolder(context.resolve(feedback)) } catch {
        throw .input(error.renamed(from: context.resolve(feedback), to: feedback))
      }
    }
    let course: CourseContext
    course = try CourseContext(arguments, context: context)
    var specs: [Int: LessonSpec] = [:]
    var entries = course.course.entries
    if let lesson {
      let (entry, _) = try course.lesson(lesson)
      entries = [entry]
    }
    for entry in entries {
      do { specs[entry.id] = try course.course.spec(entry) } catch { throw .input(error) }
    }
    var submissions: [Submission]
    do {
      submissions = try SubmissionFinder.find(
        in: context.resolve(directory),
        lessons: entries.map {
          SubmissionFinder.Lesson(id: $0.id, files: course.course.learnerFiles(specs[$0.id]!), folder: $0.folder)
        },
        lessonFolders: Set(course.course.entries.map(\.folder)), learner: arguments.options["--learner"])
    } catch {
      throw .input(error.renamed(from: context.resolve(directory), to: directory))
    }
    var roster: Roster?
    if let file = arguments.options["--roster"] {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: context.resolve(file), isDirectory: &isFolder), isFolder.boolValue {
        throw .input(
          .unreadableFile(
            path: file, reason: "it is a folder; expected a roster file (one learner id per line, or a CSV file)"))
      }
      do {
        roster = try Roster.load(
          at: context.resolve(file), display: file, learners: Array(Set(submissions.map(\.learner))))
      } catch {
        throw .input(error.renamed(from: context.resolve(file), to: file))
      }
      if let learner = arguments.options["--learner"] {
        // One learner graded: the roster only says whether they are on it.
        roster = Roster(ids: roster?.id(for: learner).map { [$0] } ?? [], column: roster?.column)
      }
    }
    let found = Set(submissions.map(\.learner))
    let matched = Set(found.compactMap { roster?.id(for: $0) })
    let learners = found.count + (roster?.ids.count(where: { !matched.contains($0) }) ?? 0)
    if format == .gradescope, learners > 1 {
      throw .usage(
        UsageError(
          "gradescope results describe one submission; DIR holds \(learners) learners (use --learner NAME with one learner's folder)"
        ))
    }
    let console = context.console
    let showProgress = console.errorIsTerminal
    let total = submissions.count
    let progress: @Sendable (Int) -> Void = { done in
      if showProgress { console.err("\rgrading \(done)/\(total)…") }
    }
    let python = try PythonChoice.resolve(arguments, course: course.course)
    // Checks and timelines only where an output shows them: a large class stays small in memory.
    var detail: GradeRecord.Detail = []
    if feedback != nil || format == .junit || format == .gradescope { detail = .all }
    if format == .html, feedback == nil { detail.insert(.exampleTimelines) }
    let book: Gradebook
    if let executable = console.executable, jobs != 0 {
      let workers = GradeWorkers(
        executable: executable, course: course.course.root, strict: strict, python: python,
        count: jobs ?? ProcessInfo.processInfo.activeProcessorCount, budget: budget, detail: detail)
      // Checks wait on disk until the output reads them, a learner at a time.
      let spool = detail.contains(.checks) ? CheckSpool() : nil
      book = Grader.gradebook(
        workers.grade(submissions, specs: specs, spool: spool, progress: progress), specs: specs, roster: roster,
        spool: spool)
    } else {
      book = Grader.grade(
        submissions, specs: specs, strict: strict, roster: roster, python: python, detail: detail, progress: progress)
    }
    if showProgress { console.err("\r\u{1B}[K") }
    // The gradebook holds what is needed from here on; a class of 50,000 frees its file list.
    let noneFound = submissions.isEmpty
    submissions = []
    // Only feedback, and the page that links to it, need each learner's file name.
    let feedbackNames = feedback == nil ? [:] : FeedbackView.fileNames(for: book.learners)
    var view = GradebookView(book: book, course: course.course, strict: strict, width: console.width)
    if format == .html, let feedback {
      let base = Self.relativePath(
        from: OutputFile.folder(of: context.resolve(output ?? "page.html")), to: context.resolve(feedback))
      view.feedbackLinks = feedbackNames.mapValues { Self.href(base + "/" + $0) }
    }
    if let output {
      do { try OutputFile.write(to: context.resolve(output)) { view.stream(format, into: &$0) } } catch {
        throw .input(error.renamed(from: context.resolve(output), to: output))
      }
      let failing = book.records.count(where: { $0.status != .pass })
      console.error(
        "lesson: graded \(book.records.count) submissions of \(book.learners.count) learners into \(output) (\(failing) not passing)"
      )
    } else {
      console.out(view.render(format, style: format == .table ? context.style : Style(enabled: false)))
    }
    if let feedback {
      try writeFeedback(book, names: feedbackNames, course: course.course, into: feedback, context: context)
    }
    if noneFound { console.error("lesson: warning: no submissions found in \(directory)") }
    return book.records.allSatisfy { $0.status == .pass } && !book.records.isEmpty ? .success : .failure
  }
}

extension GradeCommand {
  /// Writes `<learner>.md` for every learner into `folder`, each atomically.
  func writeFeedback(
    _ book: Gradebook, names: [String: String], course: Course, into folder: String, context: CommandContext
  ) throws(CommandFailure) {
    let path = context.resolve(folder)
    do {
      try OutputFile.makeFolder(path)
      for learner in book.learners {
        guard let name = names[learner] else { continue }
        let view = FeedbackView(learner: learner, records: book.records(of: learner), course: course, strict: strict)
        try OutputFile.write(Data(view.markdown.utf8), to: path + "/" + name)
      }
    } catch {
      throw .input(error.renamed(from: path, to: folder))
    }
    context.console.error("lesson: wrote feedback for \(book.learners.count) learners into \(folder)")
  }
}

extension GradeCommand {
  /// The path from the folder `from` to `to` (`../feedback`, `.` for the same folder); relative
  /// paths are taken from the current directory.
  static func relativePath(from: String, to: String) -> String {
    func parts(_ path: String) -> [String] {
      let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
      var out: [String] = []
      for part in absolute.split(separator: "/") where part != "." {
        if part == ".." { if !out.isEmpty { out.removeLast() } } else { out.append(String(part)) }
      }
      return out
    }
    let a = parts(from)
    let b = parts(to)
    var common = 0
    while common < min(a.count, b.count) && a[common] == b[common] { common += 1 }
    let path = Array(repeating: "..", count: a.count - common) + b[common...]
    return path.isEmpty ? "." : path.joined(separator: "/")
  }

  /// A relative path as a URL reference: each character other than letters, digits and `-._~/`
  /// percent-encoded (so `#`, `?`, `%` and spaces in a name stay part of the path).
  static func href(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      let char = Character(Unicode.Scalar(byte))
      if byte < 0x80 && (char.isLetter || char.isNumber || "-._~/".contains(char)) {
        out.append(char)
      } else {
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return out
  }
}

extension GradebookFormat {
  /// The format an output file's extension implies: `.csv`, `.json`, `.xml` (JUnit), `.txt` (the table).
  init?(extension suffix: String) {
    switch suffix {
    case "csv": self = .csv
    case "json": self = .json
    case "xml": self = .junit
    case "html", "htm": self = .html
    case "txt", "text": self = .table
    default: return nil
    }
  }
}
