import GuardedGather
import Foundation

/// The course: the ordered index of lessons in `lessons/index.json`, and where its files live.
public struct Course: Sendable {
  /// One lesson in the index.
  public struct Entry: Sendable, Hashable {
    /// The lesson's number.
    public var id: Int
    /// Its folder under `lessons/` and `solutions/`, such as `03_more_tools`.
    public var folder: String
    /// Its title.
    public var title: String
  }

  /// The folder that holds `lessons/` and `solutions/`.
  public var root: String
  /// The course's title.
  public var title: String
  /// What a learner sees first.
  public var welcome: String
  /// What a learner sees after the last lesson.
  public var farewell: String
  /// The lessons, in order.
  public var entries: [Entry]
  /// The CPython version the course is pinned to (`"python": "3.12"` in the index), if any.
  public var python: PythonVersion?

  public var lessonsDirectory: String { root + "/lessons" }
  public var solutionsDirectory: String { root + "/solutions" }

  /// The index entry of lesson `id`.
  public func entry(_ id: Int) -> Entry? { entries.first { $0.id == id } }

  /// The lesson's evidence card.
  public func specPath(_ entry: Entry) -> String { "\(lessonsDirectory)/\(entry.folder)/spec.json" }
  /// The lesson's text.
  public func readmePath(_ entry: Entry) -> String { "\(lessonsDirectory)/\(entry.folder)/README.md" }
  /// The starter the learner begins from: the configuration, or with `python` the program.
  public func starterPath(_ entry: Entry, _ spec: LessonSpec, python: Bool = false) -> String {
    "\(lessonsDirectory)/\(entry.folder)/\(python ? spec.pythonFile ?? spec.file : spec.file)"
  }
  /// The reference solution.
  public func solutionPath(_ entry: Entry, _ spec: LessonSpec) -> String {
    "\(solutionsDirectory)/\(entry.folder)/\(spec.file)"
  }

  /// The learner files of a lesson: the JSON configuration, and the Python program if there is one.
  public func learnerFiles(_ spec: LessonSpec) -> [String] { [spec.file] + (spec.pythonFile.map { [$0] } ?? []) }

  /// Loads the evidence card of `entry`.
  public func spec(_ entry: Entry) throws(LessonKitError) -> LessonSpec {
    let path = specPath(entry)
    let spec = try LessonSpec.parse(InputFile.read(path), file: path)
    guard spec.id == entry.id else {
      throw .invalidContent(
        path: path, field: "id", message: "is \(spec.id) but the index lists this folder as lesson \(entry.id)")
    }
    return spec
  }

  /// Finds the course from `directory` upwards: the first folder with `lessons/index.json`.
  public static func find(from directory: String) -> String? {
    var url = URL(fileURLWithPath: directory).standardizedFileURL
    for _ in 0..<32 {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("lessons/index.json").path) {
        return url.path
      }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { break }
      url = parent
    }
    return nil
  }

  /// The keys `lessons/index.json` may have, and those of each lesson in its list
  /// (`lessons/schema/index.schema.json` allows the same).
  static let indexFields = ["formatVersion", "title", "welcome", "final", "lessons", "python", "$schema"]
  static let entryFields = ["id", "folder", "title"]

  /// Loads `lessons/index.json` under `root`.
  ///
  /// - Throws: ``LessonKitError`` for a missing or invalid index, a duplicate lesson number, or a
  ///   folder that does not exist.
  public static func load(root: String) throws(LessonKitError) -> Course {
    let path = root + "/lessons/index.json"
    let json: JSONValue
    do { json = try JSONReader().parse(InputFile.read(path)) } catch let error as JSONSyntaxError {
      throw .invalidJSON(path: path, error: error)
    } catch let error as LessonKitError {
      throw error
    } catch {
      throw .unreadableFile(path: path, reason: "\(error)")
    }
    let top = try JSONFieldReader(
      json, file: path, path: "", known: indexFields)
    guard try top.wholeNumber("formatVersion", in: 1...1, expected: "1, the only format version") == 1 else {
      throw .missingField(path: path, field: "formatVersion", expected: "1")
    }
    guard case .array(let items)? = top.value("lessons"), !items.isEmpty else {
      throw .missingField(path: path, field: "lessons", expected: "the ordered list of lessons")
    }
    var entries: [Entry] = []
    for (index, item) in items.enumerated() {
      let reader = try JSONFieldReader(item, file: path, path: "lessons[\(index)]", known: entryFields)
      guard let id = try reader.wholeNumber("id", in: 1...999, expected: "the lesson number"),
        let folder = try reader.string("folder"), let title = try reader.string("title")
      else { throw .missingField(path: path, field: "lessons[\(index)]", expected: "\"id\", \"folder\" and \"title\"") }
      if entries.contains(where: { $0.id == id }) {
        throw .invalidContent(path: path, field: "lessons[\(index)].id", message: "lesson \(id) is listed twice")
      }
      guard !folder.contains("/"), !folder.hasPrefix("."),
        FileManager.default.fileExists(atPath: "\(root)/lessons/\(folder)/spec.json")
      else {
        throw .invalidContent(
          path: path, field: "lessons[\(index)].folder", message: "lessons/\(folder)/spec.json does not exist")
      }
      entries.append(Entry(id: id, folder: folder, title: title))
    }
    var python: PythonVersion?
    if let pinned = try top.string("python") {
      guard let version = PythonVersion(rawValue: pinned) else {
        throw .invalidContent(
          path: path, field: "python",
          message: "\"\(pinned)\" is not a supported Python; use one of \(PythonVersion.supportedList)")
      }
      python = version
    }
    var course = Course(
      root: root, title: try top.string("title") ?? "lesson", welcome: try top.string("welcome") ?? "",
      farewell: try top.string("final") ?? "", entries: entries)
    course.python = python
    return course
  }
}
