import Foundation

/// One learner's file for one lesson, found in a class folder, or why there is none.
public struct Submission: Sendable, Hashable {
  /// The learner: the file's name without `.json`, or the folder's name.
  public var learner: String
  /// The lesson.
  public var lesson: Int
  /// The file to grade, or `nil` with ``problem`` set.
  public var path: String?
  /// The file's path inside the class folder, for messages.
  public var display: String
  /// Why there is nothing to grade: missing, a link out of the folder, not a regular file.
  public var problem: String?
}

/// Finds submissions in a class folder without ever leaving it.
///
/// Layouts: `DIR/<learner>.json` (one file per learner, for one lesson), and `DIR/<learner>/…`
/// (a copy of the learner's workspace or a cloned repository, searched for each lesson's file).
/// Links are followed only when they stay inside `DIR`; hidden entries (`.git`) are skipped.
public enum SubmissionFinder {
  /// How deep inside a learner's folder a lesson file is looked for.
  public static let maximumDepth = 6
  /// The most entries looked at in one learner's folder.
  public static let maximumEntries = 5_000

  /// The submissions for `lessons` in `directory`, sorted by learner then lesson.
  ///
  /// - Parameters:
  ///   - directory: The class folder.
  ///   - lessons: Each lesson's number and the name of its learner file.
  ///   - singleLearner: Treat `directory` itself as one learner's folder, with this name.
  /// - Throws: ``LessonKitError`` when `directory` is missing or not a folder.
  public static func find(
    in directory: String, lessons: [(id: Int, file: String)], singleLearner: String? = nil
  ) throws(LessonKitError) -> [Submission] {
    try find(in: directory, lessons: lessons.map { ($0.id, [$0.file]) }, singleLearner: singleLearner)
  }

  /// The submissions, where a lesson's file may have several names (`guarded_gather2.json` or
  /// `async_batch.py`); the first name found wins.
  public static func find(
    in directory: String, lessons: [(id: Int, files: [String])], singleLearner: String? = nil
  ) throws(LessonKitError) -> [Submission] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw .missingFile(path: directory)
    }
    guard isDirectory.boolValue else {
      throw .unreadableFile(path: directory, reason: "it is a file; give the folder that holds the class's submissions")
    }
    let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
    if let singleLearner {
      return lessons.map { lesson in
        search(folder: root, learner: singleLearner, lesson: lesson, root: root, prefix: "")
      }
    }
    let names: [String]
    do { names = try FileManager.default.contentsOfDirectory(atPath: root) } catch {
      throw .unreadableFile(path: directory, reason: "its contents cannot be listed")
    }
    var submissions: [Submission] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = root + "/" + name
      switch kind(of: path, root: root) {
      case .file where name.hasSuffix(".json") || name.hasSuffix(".py"):
        let learner = String(name.dropLast(name.hasSuffix(".py") ? 3 : 5))
        if lessons.count == 1 {
          submissions.append(Submission(learner: learner, lesson: lessons[0].id, path: path, display: name))
        } else {
          // One file cannot hold several lessons: grading every lesson needs a folder per learner.
          for lesson in lessons {
            submissions.append(
              Submission(
                learner: learner, lesson: lesson.id, path: nil, display: name,
                problem: "a single file cannot be graded for every lesson; give each learner a folder"))
          }
        }
      case .file:
        continue
      case .directory:
        for lesson in lessons {
          submissions.append(search(folder: path, learner: name, lesson: lesson, root: root, prefix: name + "/"))
        }
      case .outside:
        for lesson in lessons {
          submissions.append(
            Submission(
              learner: name.hasSuffix(".json") ? String(name.dropLast(5)) : name, lesson: lesson.id, path: nil,
              display: name,
              problem: "it is a link that leaves the class folder; links out are not followed"))
        }
      case .other:
        for lesson in lessons {
          submissions.append(
            Submission(
              learner: name, lesson: lesson.id, path: nil, display: name, problem: "it is not a regular file or folder")
          )
        }
      }
    }
    return submissions
  }

  enum Kind { case file, directory, outside, other }

  /// What `path` is, following a link only when its target is inside `root`.
  static func kind(of path: String, root: String) -> Kind {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let type = attributes[.type] as? FileAttributeType
    else { return .other }
    switch type {
    case .typeRegular: return .file
    case .typeDirectory: return .directory
    case .typeSymbolicLink:
      let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
      guard target == root || target.hasPrefix(root + "/") else { return .outside }
      guard let resolved = try? FileManager.default.attributesOfItem(atPath: target),
        let resolvedType = resolved[.type] as? FileAttributeType
      else { return .other }
      return resolvedType == .typeRegular ? .file : resolvedType == .typeDirectory ? .directory : .other
    default: return .other
    }
  }

  /// Looks for the lesson's file in a learner's folder, breadth first (the shallowest wins; at
  /// the same depth, one inside a folder named for the lesson, then the first by name).
  static func search(folder: String, learner: String, lesson: (id: Int, files: [String]), root: String, prefix: String)
    -> Submission
  {
    var missing: Submission?
    for file in lesson.files {
      let found = search(folder: folder, learner: learner, lesson: (lesson.id, file), root: root, prefix: prefix)
      if found.path != nil || found.problem?.contains("leaves the class folder") == true { return found }
      missing = missing ?? found
    }
    var result = missing ?? Submission(learner: learner, lesson: lesson.id, path: nil, display: prefix, problem: nil)
    result.problem = "no \(lesson.files.joined(separator: " or ")) in the learner's folder"
    return result
  }

  static func search(folder: String, learner: String, lesson: (id: Int, file: String), root: String, prefix: String)
    -> Submission
  {
    var level = [folder]
    var seen = 0
    var linkOut = false
    for _ in 0...maximumDepth {
      var found: [String] = []
      var next: [String] = []
      for directory in level {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") {
          seen += 1
          if seen > maximumEntries { break }
          let path = directory + "/" + name
          switch kind(of: path, root: root) {
          case .file where name == lesson.file: found.append(path)
          case .directory:
            // A link to a folder inside the class folder is not descended into twice over.
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil { next.append(path) }
          case .outside where name == lesson.file: linkOut = true
          default: break
          }
        }
      }
      if let best = found.min(by: { rank($0, lesson.file) < rank($1, lesson.file) }) {
        return Submission(
          learner: learner, lesson: lesson.id, path: best, display: prefix + relative(best, to: folder))
      }
      level = next
      if level.isEmpty || seen > maximumEntries { break }
    }
    let problem =
      linkOut
      ? "\(lesson.file) is a link that leaves the class folder; links out are not followed"
      : "no \(lesson.file) in the learner's folder"
    return Submission(learner: learner, lesson: lesson.id, path: nil, display: prefix + lesson.file, problem: problem)
  }

  static func rank(_ path: String, _ file: String) -> (Int, String) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
    return (folder.contains(file.replacingOccurrences(of: ".json", with: "").filter(\.isLetter)) ? 0 : 1, path)
  }

  static func relative(_ path: String, to folder: String) -> String {
    path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
  }
}
