import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a learner's own copies of the lesson files live, and their progress.
///
/// The lessons under `lessons/` stay as they ship; the learner edits copies under the workspace
/// (`workspace/` beside `lessons/` unless told otherwise), made from the starters on first use.
public struct Workspace: Sendable {
  /// The course.
  public var course: Course
  /// The workspace folder.
  public var root: String

  public init(course: Course, root: String? = nil) {
    self.course = course
    self.root = root ?? course.root + "/workspace"
  }

  /// The learner's copy of a lesson's file: the configuration, or with `python` the program
  /// (`async_batch.py`) when the lesson has one.
  public func learnerPath(_ entry: Course.Entry, _ spec: LessonSpec, python: Bool = false) -> String {
    "\(root)/\(entry.folder)/\(python ? spec.pythonFile ?? spec.file : spec.file)"
  }

  /// The file `lesson check N` checks: the one the learner last checked (remembered in the
  /// progress); else, in a lesson that has a program, the copy the learner edited (the newer if
  /// both were), or the Python copy when the last lesson checked before this one was checked in
  /// Python or when only that copy exists; else the configuration's copy.
  public func routePath(_ entry: Course.Entry, _ spec: LessonSpec, progress: Progress) -> String {
    if let path = rememberedPath(entry, progress: progress), FileManager.default.fileExists(atPath: path) {
      return path
    }
    let python = learnerPath(entry, spec, python: true)
    guard spec.pythonFile != nil, FileManager.default.fileExists(atPath: python) else {
      return learnerPath(entry, spec)
    }
    let json = learnerPath(entry, spec)
    guard FileManager.default.fileExists(atPath: json) else { return python }
    // The copy the learner edited (it differs from its starter), the newer if both were; when
    // neither was, the route of the last lesson checked before this one: a learner who writes
    // Python goes on in Python.
    func edited(_ path: String, python: Bool) -> Date? {
      guard let mine = FileManager.default.contents(atPath: path),
        mine != FileManager.default.contents(atPath: course.starterPath(entry, spec, python: python))
      else { return nil }
      return (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date ?? .distantPast
    }
    switch (edited(json, python: false), edited(python, python: true)) {
    case (let jsonDate?, let pythonDate?): return pythonDate > jsonDate ? python : json
    case (_?, nil): return json
    case (nil, _?): return python
    case (nil, nil): break
    }
    let earlier = progress.lessons.keys.filter { $0 < entry.id }.sorted(by: >).lazy.compactMap { progress[$0].file }
    if let last = earlier.first, last.hasSuffix(".py") { return python }
    return json
  }

  /// `path` as the progress file remembers it: relative to the workspace when inside it.
  /// The full path of the file the learner last checked for this lesson, if one is remembered.
  public func rememberedPath(_ entry: Course.Entry, progress: Progress) -> String? {
    progress[entry.id].file.map { $0.hasPrefix("/") ? $0 : root + "/" + $0 }
  }

  public func remembered(_ path: String) -> String {
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    let base = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
    return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
  }

  /// Makes the learner's copies (the configuration, and the program when the lesson has one)
  /// from the starters, where there are none yet.
  ///
  /// - Returns: The copies just made.
  @discardableResult
  public func prepareAll(_ entry: Course.Entry, _ spec: LessonSpec) throws(LessonKitError) -> [String] {
    var made: [String] = []
    for python in spec.pythonFile == nil ? [false] : [false, true] {
      let path = learnerPath(entry, spec, python: python)
      if FileManager.default.fileExists(atPath: path) { continue }
      let starter = try InputFile.read(course.starterPath(entry, spec, python: python))
      try AtomicFile.write(Data(starter), to: path)
      made.append(path)
    }
    return made
  }

  /// The progress file.
  public var progressPath: String { root + "/progress.json" }

  /// Makes the learner's copy from the starter if there is none yet.
  ///
  /// - Returns: The copy's path, and whether it was just made.
  public func prepare(_ entry: Course.Entry, _ spec: LessonSpec) throws(LessonKitError) -> (path: String, created: Bool)
  {
    let path = learnerPath(entry, spec)
    if FileManager.default.fileExists(atPath: path) { return (path, false) }
    let starter = try InputFile.read(course.starterPath(entry, spec))
    try AtomicFile.write(Data(starter), to: path)
    return (path, true)
  }

  /// Puts the starter back, keeping the learner's file as a numbered backup.
  ///
  /// - Returns: The backup's path, or `nil` when there was nothing to keep.
  @discardableResult
  public func reset(_ entry: Course.Entry, _ spec: LessonSpec, python: Bool = false) throws(LessonKitError) -> String? {
    let path = learnerPath(entry, spec, python: python)
    let starter = try InputFile.read(course.starterPath(entry, spec, python: python))
    var backup: String?
    if FileManager.default.fileExists(atPath: path) {
      var candidate = path + ".bak"
      var number = 1
      while FileManager.default.fileExists(atPath: candidate) {
        candidate = "\(path).bak\(number)"
        number += 1
      }
      // Only a regular file is kept aside (copying a pipe or a device would wait on it for ever).
      var status = stat()
      guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
        throw .unwritableFile(path: path, reason: "it is not a regular file, so lesson will not replace it; move it away first")
      }
      do {
        try FileManager.default.copyItem(atPath: path, toPath: candidate)
      } catch {
        throw .unwritableFile(path: candidate, reason: "the backup failed (\(AtomicFile.reason(error, path: candidate)))")
      }
      backup = candidate
    }
    try AtomicFile.write(Data(starter), to: path)
    return backup
  }

  /// Reads the progress, or starts a new one. A progress file that cannot be read is kept aside
  /// (`progress.json.corrupt`) and a new one started, so nothing is lost and checking goes on.
  public func loadProgress() -> (progress: Progress, warning: String?) {
    guard FileManager.default.fileExists(atPath: progressPath) else { return (Progress(), nil) }
    do {
      return (try Progress.parse(InputFile.read(progressPath, limit: 1 << 20), file: progressPath), nil)
    } catch {
      let aside = progressPath + ".corrupt"
      try? FileManager.default.removeItem(atPath: aside)
      try? FileManager.default.moveItem(atPath: progressPath, toPath: aside)
      return (Progress(), "\(error.description); kept it as \(aside) and started a new progress file")
    }
  }

  /// Writes the progress atomically.
  public func save(_ progress: Progress) throws(LessonKitError) {
    try AtomicFile.write(Data((progress.json.pretty + "\n").utf8), to: progressPath)
  }
}

/// A learner's progress: per lesson, the last verdict, the mistakes, and the hints seen.
public struct Progress: Sendable, Hashable {
  public struct Lesson: Sendable, Hashable {
    /// `passed` or `failed`, or `nil` when never checked.
    public var status: String?
    /// The mistakes of the last check.
    public var mistakes: [String] = []
    /// How many hints were shown.
    public var hintsShown = 0
    /// The file last checked for this lesson: relative to the workspace, or absolute.
    public var file: String?
  }

  /// By lesson number.
  public var lessons: [Int: Lesson] = [:]

  public init() {}

  /// The lesson to go on with after lesson `id`: the next one not passed yet, else the first one
  /// left before it; nil when every other lesson is passed.
  public func next(after id: Int, in course: Course) -> Course.Entry? {
    let left = course.entries.filter { $0.id != id && self[$0.id].status != "passed" }
    return left.first(where: { $0.id > id }) ?? left.first
  }

  public subscript(id: Int) -> Lesson {
    get { lessons[id] ?? Lesson() }
    set { lessons[id] = newValue }
  }

  var json: JSONOutput {
    .object([
      ("formatVersion", .int(1)),
      (
        "lessons",
        .object(
          lessons.keys.sorted().map { id in
            let lesson = lessons[id]!
            return (
              String(id),
              .object([
                ("status", lesson.status.map(JSONOutput.string) ?? .null),
                ("mistakes", .array(lesson.mistakes.map(JSONOutput.string))),
                ("hintsShown", .int(lesson.hintsShown)),
                ("file", lesson.file.map(JSONOutput.string) ?? .null),
              ])
            )
          })
      ),
    ])
  }

  static func parse(_ bytes: [UInt8], file: String) throws(LessonKitError) -> Progress {
    let json: JSONValue
    do { json = try JSONReader().parse(bytes) } catch { throw .invalidJSON(path: file, error: error) }
    let top = try JSONFieldReader(json, file: file, path: "", known: ["formatVersion", "lessons"])
    var progress = Progress()
    guard case .object(let members)? = top.value("lessons") else { return progress }
    for member in members {
      let (key, value) = (member.key, member.value)
      guard let id = Int(key) else {
        throw .invalidField(path: file, field: "lessons.\(key)", expected: "a lesson number", found: "\"\(key)\"")
      }
      let reader = try JSONFieldReader(
        value, file: file, path: "lessons.\(key)", known: ["status", "mistakes", "hintsShown", "file"])
      var lesson = Lesson()
      lesson.status = try reader.string("status")
      lesson.hintsShown = try reader.wholeNumber("hintsShown", in: 0...1_000, expected: "a count") ?? 0
      lesson.file = try reader.string("file")
      if case .array(let items)? = reader.value("mistakes") {
        lesson.mistakes = items.compactMap { if case .string(let id) = $0 { id } else { nil } }
      }
      progress.lessons[id] = lesson
    }
    return progress
  }
}

/// Writes files so that a crash leaves the old file or the new one, never half of one.
public enum AtomicFile {
  /// Writes `data` to a temporary file beside `path`, then renames it over `path`.
  public static func write(_ data: Data, to path: String) throws(LessonKitError) {
    let url = URL(fileURLWithPath: path)
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
    } catch {
      throw .unwritableFile(path: path, reason: reason(error, path: path))
    }
  }

  /// Why writing `path` failed, in the system's words (never Foundation's error domains).
  public static func reason(_ error: Error, path: String) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return "it is a folder" }
    // The nearest part of the path that exists: a file where a folder is needed, or not writable.
    var parent = (path as NSString).deletingLastPathComponent
    while !parent.isEmpty, !FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) {
      let up = (parent as NSString).deletingLastPathComponent
      if up == parent { break }
      parent = up
    }
    if !parent.isEmpty, FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), !isFolder.boolValue {
      return "\(parent) is a file, not a folder"
    }
    if !parent.isEmpty, !FileManager.default.isWritableFile(atPath: parent) { return "\(parent) is not writable" }
    return "the system would not write it"
  }
}
