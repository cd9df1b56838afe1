import Foundation
import Synchronization

/// One learner's file for one lesson, found in a class folder, or why there is none.
public struct Submission: Sendable, Hashable {
  /// The learner: the file's name without `.json` or `.py`, or the folder's name.
  public var learner: String
  /// The lesson.
  public var lesson: Int
  /// The file to grade, or `nil` with ``problem`` set.
  public var path: String?
  /// The file's path inside the class folder, for messages.
  public var display: String
  /// Why there is nothing to grade: missing, a link out of the folder, not a regular file.
  public var problem: String?
  /// Every file that could have been this submission, inside the class folder, in the order of
  /// ``SubmissionFinder``'s rule (the one taken first). Empty when there was at most one.
  public var candidates: [String] = []
  /// What else a grader should know of this learner's entries: one that was not graded and why
  /// (a lone file in a run of every lesson), a file that is a link to another learner's.
  public var ignored: [String] = []
  /// Whether the learner handed in nothing for this lesson (as opposed to something unusable).
  public var isMissing = false

  public init(
    learner: String, lesson: Int, path: String?, display: String, problem: String? = nil, candidates: [String] = [],
    ignored: [String] = []
  ) {
    self.learner = learner
    self.lesson = lesson
    self.path = path
    self.display = display
    self.problem = problem
    self.candidates = candidates
    self.ignored = ignored
  }

  /// What a grader should be told about how this file was chosen: several candidates, or
  /// entries that were left out.
  public var warnings: [String] {
    var warnings: [String] = []
    if candidates.count > 1 {
      warnings.append(
        "\(candidates.count) candidate files (\(candidates.joined(separator: ", "))); graded \(candidates[0])")
    }
    warnings += ignored
    return warnings
  }
}

/// Finds submissions in a class folder without ever leaving it.
///
/// Layouts: `DIR/<learner>.json` or `DIR/<learner>.py` (one file per learner, for one lesson), and
/// `DIR/<learner>/…` (a copy of the learner's workspace or a cloned repository, searched for each
/// lesson's file). Links are followed only when they stay inside `DIR`; hidden entries (`.git`)
/// are skipped.
///
/// ## Which file is the submission
///
/// The candidates for lesson N are the learner's entries named as the lesson's configuration
/// (`DIR/bob.json`, `DIR/bob/…/guarded_gather2.json`) or program (`DIR/bob.py`,
/// `DIR/bob/…/async_batch.py`), at most ``maximumDepth`` folders down. A file inside another
/// lesson's folder (`03_more_tools/async_batch.py` for lesson 2) is not a candidate. Of several,
/// the first by:
/// 1. outside `lessons/` and `solutions/` (the course's own starters and solutions), and a link
///    out of the class folder (which is not read) after all;
/// 2. the shallowest;
/// 3. inside the lesson's folder (`02_guarded_gather/`);
/// 4. the configuration (`.json`) before the program (`.py`);
/// 5. the path, in byte order.
///
/// The submission lists every candidate (``Submission/candidates``), so that the gradebook can
/// warn which was taken.
public enum SubmissionFinder {
  /// How deep inside a learner's folder a lesson file is looked for.
  public static let maximumDepth = 6
  /// The most entries looked at in one learner's folder.
  public static let maximumEntries = 5_000
  /// Folders that hold the course's own copies: their files rank after the learner's.
  public static let courseCopies: Set<String> = ["lessons", "solutions"]

  /// A lesson as the finder sees it: its number, its file names (configuration first), and its
  /// folder in the course (`02_guarded_gather`), if known.
  public struct Lesson: Sendable, Hashable {
    public var id: Int
    public var files: [String]
    public var folder: String?

    public init(id: Int, files: [String], folder: String? = nil) {
      self.id = id
      self.files = files
      self.folder = folder
    }
  }

  /// The submissions for `lessons` in `directory`, sorted by learner then lesson.
  ///
  /// - Parameters:
  ///   - directory: The class folder.
  ///   - lessons: Each lesson's number and the name of its learner file.
  ///   - singleLearner: Grade only this learner (see the other overload).
  /// - Throws: ``LessonKitError`` when `directory` is missing or not a folder.
  public static func find(
    in directory: String, lessons: [(id: Int, file: String)], singleLearner: String? = nil
  ) throws(LessonKitError) -> [Submission] {
    try find(in: directory, lessons: lessons.map { Lesson(id: $0.id, files: [$0.file]) }, learner: singleLearner)
  }

  /// The submissions, where a lesson's file may have several names (`guarded_gather2.json` or
  /// `async_batch.py`).
  public static func find(
    in directory: String, lessons: [(id: Int, files: [String])], singleLearner: String? = nil
  ) throws(LessonKitError) -> [Submission] {
    try find(in: directory, lessons: lessons.map { Lesson(id: $0.id, files: $0.files) }, learner: singleLearner)
  }

  /// The submissions for `lessons` in the class folder `directory`, sorted by learner then lesson.
  ///
  /// With `learner`, only that learner is graded: `DIR/<learner>/`, `DIR/<learner>.json` or
  /// `DIR/<learner>.py` when `DIR` holds one of them; otherwise `DIR` itself, when it is named
  /// for the learner or looks like one learner's folder (a lesson file, a lesson's folder,
  /// `workspace/`, `lessons/` or `solutions/` at its top level, as in a Gradescope autograder's
  /// `submission/`).
  ///
  /// - Parameters:
  ///   - directory: The class folder.
  ///   - lessons: The lessons to grade.
  ///   - lessonFolders: Every lesson folder of the course; a file inside another lesson's folder
  ///     is not a candidate. The default is the folders of `lessons`.
  ///   - learner: Grade only this learner.
  /// - Throws: ``LessonKitError/missingFolder(path:expected:)`` when `directory` does not
  ///   exist, ``LessonKitError/missingLearner(path:learner:found:)`` when `learner` is neither
  ///   in it nor it.
  public static func find(
    in directory: String, lessons: [Lesson], lessonFolders: Set<String>? = nil, learner: String? = nil
  ) throws(LessonKitError) -> [Submission] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw .missingFolder(path: directory, expected: "the class folder holding the learners' submissions")
    }
    guard isDirectory.boolValue else {
      throw .unreadableFile(path: directory, reason: "it is a file; give the folder that holds the class's submissions")
    }
    let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
    let search = Search(lessons: lessons, lessonFolders: lessonFolders ?? Set(lessons.compactMap(\.folder)), root: root)
    let names: [String]
    do { names = try FileManager.default.contentsOfDirectory(atPath: root) } catch {
      throw .unreadableFile(path: directory, reason: "its contents cannot be listed")
    }
    let entries = Dictionary(grouping: names.filter { !$0.hasPrefix(".") }, by: learnerName)
    if let learner {
      if let own = entries[learner] {
        return search.submissions(of: learner, entries: own.sorted())
      }
      if URL(fileURLWithPath: root).lastPathComponent == learner || search.looksLikeOneLearner(names) {
        return search.submissions(ofFolder: root, learner: learner)
      }
      let found = entries.filter { search.isLearnerEntry($0.value) }.keys.sorted()
      throw .missingLearner(path: directory, learner: learner, found: found)
    }
    // Learner by learner on every core: a class of 50,000 is scanned before any is graded.
    let learners = entries.keys.sorted()
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, learners.count / 512))
    let found = Mutex<[[Submission]]>(Array(repeating: [], count: learners.count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var local: [(Int, [Submission])] = []
      for index in stride(from: worker, to: learners.count, by: workers) {
        local.append((index, search.submissions(of: learners[index], entries: entries[learners[index]]!.sorted())))
      }
      found.withLock { found in for (index, submissions) in local { found[index] = submissions } }
    }
    return found.withLock { $0.flatMap { $0 } }
  }

  /// The learner an entry of the class folder belongs to: `bob.json`, `bob.py` and `bob/` are bob's.
  static func learnerName(_ name: String) -> String {
    if name.hasSuffix(".json") { return String(name.dropLast(5)) }
    if name.hasSuffix(".py") { return String(name.dropLast(3)) }
    return name
  }

  enum Kind { case file, directory, outside, other }

  /// What `path` is, following a link only when its target is inside `root`.
  static func kind(of path: String, root: String) -> Kind { entry(at: path, root: root).kind }

  /// What `path` is, and whether it is a link (followed when its target is inside `root`).
  static func entry(at path: String, root: String) -> (kind: Kind, linked: Bool) {
    // lstat(2) itself: a class of 50,000 is scanned file by file before any is graded.
    var status = stat()
    guard lstat(path, &status) == 0 else { return (.other, false) }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return (.file, false)
    case S_IFDIR: return (.directory, false)
    case S_IFLNK:
      let target = realPath(path) ?? path
      guard target == root || target.hasPrefix(root + "/") else { return (.outside, true) }
      var resolved = stat()
      guard stat(target, &resolved) == 0 else { return (.other, true) }
      let type = resolved.st_mode & S_IFMT
      return (type == S_IFREG ? .file : type == S_IFDIR ? .directory : .other, true)
    default: return (.other, false)
    }
  }

  /// `path` with every link followed (realpath(3)), or nil when it cannot be resolved.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// A file that could be a submission: where it is and how it ranks.
  struct Candidate {
    /// The full path.
    var path: String
    /// The path inside the class folder, for messages.
    var display: String
    /// Its name (`guarded_gather2.json`).
    var name: String
    /// The folders between the learner's folder and the file.
    var folders: [String]
    /// A file directly in the class folder (`bob.json`): the learner's, whatever its name.
    var lone = false
    /// Whether the way to it goes through a link (whose target may be another learner's).
    var linked = false
  }

  /// One search of a class folder for a set of lessons.
  struct Search {
    let lessons: [Lesson]
    let lessonFolders: Set<String>
    let root: String

    var fileNames: Set<String> { Set(lessons.flatMap(\.files)) }

    /// Whether an entry of the class folder is a learner's: a `.json` or `.py` file, or a folder.
    func isLearnerEntry(_ names: [String]) -> Bool {
      names.contains { name in
        switch kind(of: root + "/" + name, root: root) {
        case .file: name.hasSuffix(".json") || name.hasSuffix(".py")
        case .directory, .outside: true
        case .other: false
        }
      }
    }

    /// Whether the class folder is rather one learner's own folder.
    func looksLikeOneLearner(_ names: [String]) -> Bool {
      let markers = fileNames.union(lessonFolders).union(courseCopies).union(["workspace"])
      return names.contains { markers.contains($0) }
    }

    /// The submissions of `learner` from their entries in the class folder (`bob.json`,
    /// `bob.py`, `bob/`).
    func submissions(of learner: String, entries: [String]) -> [Submission] {
      var files: [Candidate] = []
      var folders: [(path: String, linked: Bool)] = []
      var problem: (display: String, reason: String)?
      for name in entries {
        let path = root + "/" + name
        let (kind, linked) = entry(at: path, root: root)
        switch kind {
        case .file where name.hasSuffix(".json") || name.hasSuffix(".py"):
          files.append(Candidate(path: path, display: name, name: name, folders: [], lone: true, linked: linked))
        case .file:
          continue
        case .directory:
          folders.append((path, linked))
        case .outside:
          problem = problem ?? (name, "it is a link that leaves the class folder; links out are not followed")
        case .other:
          problem = problem ?? (name, "it is not a regular file or folder")
        }
      }
      if lessons.count > 1 {
        // One file cannot hold several lessons: grading every lesson needs a folder per learner.
        let reason = "a single file cannot be graded for every lesson; give each learner a folder"
        if folders.isEmpty, let file = files.first {
          return lessons.map {
            Submission(learner: learner, lesson: $0.id, path: nil, display: file.display, problem: reason)
          }
        }
        let ignored = files.map { "\($0.display) not graded: \(reason)" }
        files = []
        if folders.isEmpty, problem == nil { return [] }
        let (found, cut) = walk(folders)
        return lessons.map { lesson in
          var submission = pick(
            for: lesson, learner: learner, from: found, problem: problem, fallbackDisplay: learner + "/", cut: cut)
          submission.ignored = ignored
          return submission
        }
      }
      if files.isEmpty, folders.isEmpty, problem == nil { return [] }
      // A lone file of another name in a one-lesson run is the learner's, whatever it is called.
      let (inFolders, cut) = walk(folders)
      let found = files + inFolders
      return lessons.map { lesson in
        pick(for: lesson, learner: learner, from: found, problem: problem, fallbackDisplay: learner + "/", cut: cut)
      }
    }

    /// The submissions of one learner whose folder is `folder` itself.
    func submissions(ofFolder folder: String, learner: String) -> [Submission] {
      let (found, cut) = walk([(folder, false)], prefixed: false)
      return lessons.map { pick(for: $0, learner: learner, from: found, problem: nil, fallbackDisplay: "", cut: cut) }
    }

    /// Every file named as some lesson's file under `folders`, breadth first, at most
    /// ``maximumDepth`` deep and ``maximumEntries`` entries per learner.
    ///
    /// - Returns: The candidates, and whether the learner's entries ran past ``maximumEntries``
    ///   (so that what was not looked at is said, never taken for missing).
    func walk(_ folders: [(path: String, linked: Bool)], prefixed: Bool = true) -> (found: [Candidate], cut: Bool) {
      let names = fileNames
      var found: [Candidate] = []
      var seen = 0
      for (start, startLinked) in folders {
        let prefix = prefixed ? URL(fileURLWithPath: start).lastPathComponent + "/" : ""
        var level: [(path: String, folders: [String])] = [(start, [])]
        for _ in 0...maximumDepth where !level.isEmpty && seen <= maximumEntries {
          var next: [(path: String, folders: [String])] = []
          for (directory, above) in level {
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            for name in entries where !name.hasPrefix(".") {
              seen += 1
              if seen > maximumEntries { break }
              let path = directory + "/" + name
              let (kind, linked) = entry(at: path, root: root)
              switch kind {
              case .file where names.contains(name):
                found.append(
                  Candidate(
                    path: path, display: prefix + (above + [name]).joined(separator: "/"), name: name, folders: above,
                    linked: startLinked || linked))
              case .directory:
                // A link to a folder inside the class folder is not descended into twice over.
                if !linked { next.append((path, above + [name])) }
              case .outside where names.contains(name):
                found.append(
                  Candidate(
                    path: "", display: prefix + (above + [name]).joined(separator: "/"), name: name, folders: above))
              default: break
              }
            }
          }
          level = next
        }
      }
      return (found, seen > maximumEntries)
    }

    /// The submission for `lesson` among `found`, by the rule in ``SubmissionFinder``.
    ///
    /// With `cut` (the learner's folder held more than ``maximumEntries`` entries), a lesson
    /// with no candidate is an error that says so, not missing; one with a candidate is warned.
    func pick(
      for lesson: Lesson, learner: String, from found: [Candidate], problem: (display: String, reason: String)?,
      fallbackDisplay: String, cut: Bool = false
    ) -> Submission {
      let cutNote = "the learner's folder holds more than \(maximumEntries) entries; only the first \(maximumEntries) (breadth first, by name) were searched"
      let others = lessonFolders.subtracting(lesson.folder.map { [$0] } ?? [])
      let own = found.filter { candidate in
        // A lone file in the class folder (`bob.json`) is always a candidate.
        candidate.lone || (lesson.files.contains(candidate.name) && !candidate.folders.contains(where: others.contains))
      }
      func rank(_ candidate: Candidate) -> (Int, Int, Int, Int, String) {
        // A link out of the class folder cannot be read: any readable candidate comes first.
        let copy = candidate.path.isEmpty ? 2 : candidate.folders.contains(where: courseCopies.contains) ? 1 : 0
        let depth = candidate.lone ? -1 : candidate.folders.count
        let inFolder = lesson.folder.map(candidate.folders.contains) == true ? 0 : 1
        let index = candidate.name.hasSuffix(".py") ? 1 : 0
        return (copy, depth, inFolder, index, candidate.display)
      }
      let ranked = own.sorted { rank($0) < rank($1) }
      guard let best = ranked.first else {
        if let problem {
          return Submission(
            learner: learner, lesson: lesson.id, path: nil, display: problem.display, problem: problem.reason)
        }
        let none = "no \(lesson.files.joined(separator: " or ")) in the learner's folder"
        var missing = Submission(
          learner: learner, lesson: lesson.id, path: nil, display: fallbackDisplay + lesson.files[0],
          problem: cut ? "\(none): \(cutNote)" : none)
        missing.isMissing = !cut
        return missing
      }
      let candidates = ranked.count > 1 ? ranked.map(\.display) : []
      guard !best.path.isEmpty else {
        return Submission(
          learner: learner, lesson: lesson.id, path: nil, display: best.display,
          problem: "\(best.name) is a link that leaves the class folder; links out are not followed",
          candidates: candidates)
      }
      var submission = Submission(
        learner: learner, lesson: lesson.id, path: best.path, display: best.display, candidates: candidates)
      if cut { submission.ignored.append(cutNote) }
      if best.linked, let owner = owner(of: best.path), owner.learner != learner {
        submission.ignored.append("\(best.display) is a link to \(owner.path), which is \(owner.learner)'s")
      }
      return submission
    }

    /// Where `path` really is, inside the class folder, and whose entry that is, when `path`
    /// goes through a link (asked only of a candidate that does: see ``Candidate/linked``).
    func owner(of path: String) -> (path: String, learner: String)? {
      guard let real = SubmissionFinder.realPath(path), real != path, real.hasPrefix(root + "/") else { return nil }
      let relative = String(real.dropFirst(root.count + 1))
      guard let first = relative.split(separator: "/").first else { return nil }
      return (relative, learnerName(String(first)))
    }
  }
}
