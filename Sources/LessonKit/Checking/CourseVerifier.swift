import Foundation

/// The checks of `lesson verify`, usable from tests.
public enum CourseVerifier {
  public struct Problem: Sendable, Hashable {
    public var lesson: Int?
    public var message: String
  }

  public static func verify(_ course: Course) -> [Problem] {
    var problems: [Problem] = []
    var folders: Set<String> = []
    for entry in course.entries {
      folders.insert(entry.folder)
      let spec: LessonSpec
      do { spec = try course.spec(entry) } catch {
        problems.append(Problem(lesson: entry.id, message: error.description))
        continue
      }
      var files: [(String, String, Bool)] = []
      for name in course.learnerFiles(spec) {
        let kind = name.hasSuffix(".py") ? "Python " : ""
        files.append(("\(kind)starter", "\(course.lessonsDirectory)/\(entry.folder)/\(name)", false))
        files.append(("\(kind)solution", "\(course.solutionsDirectory)/\(entry.folder)/\(name)", true))
      }
      for (kind, path, mustPass) in files {
        do {
          let configuration = try InputFile.configuration(at: path)
          let report = LessonChecker.check(configuration, against: spec, file: path)
          if mustPass, !report.passed(strict: true) {
            let ids = report.mistakes.map(\.id).joined(separator: ", ")
            problems.append(Problem(lesson: entry.id, message: "the \(kind) does not pass: \(ids)"))
          }
          if !mustPass {
            if report.passed() {
              problems.append(
                Problem(lesson: entry.id, message: "the \(kind) passes; it should show \(spec.starterMistake)"))
            } else if !report.mistakes.contains(where: { $0.id == spec.starterMistake }) {
              let ids = report.mistakes.map(\.id).joined(separator: ", ")
              problems.append(
                Problem(lesson: entry.id, message: "the \(kind) fails with \(ids), not with \(spec.starterMistake)"))
            }
          }
        } catch {
          problems.append(Problem(lesson: entry.id, message: error.description))
        }
      }
      if !FileManager.default.fileExists(atPath: course.readmePath(entry)) {
        problems.append(Problem(lesson: entry.id, message: "lessons/\(entry.folder)/README.md is missing"))
      }
    }
    for directory in [course.lessonsDirectory, course.solutionsDirectory] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for name in names.sorted() where !name.hasPrefix(".") && name != "index.json" && !folders.contains(name) {
        problems.append(Problem(lesson: nil, message: "\(directory)/\(name) is not in lessons/index.json"))
      }
    }
    return problems
  }
}
