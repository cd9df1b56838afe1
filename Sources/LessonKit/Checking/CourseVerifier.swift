import Foundation
import GuardedGather

/// The checks of `lesson verify`, usable from tests.
public enum CourseVerifier {
  public struct Problem: Sendable, Hashable {
    public var lesson: Int?
    public var message: String
  }

  /// Verifies the course under each of `versions`: the default is the course's pinned version,
  /// or every supported one when it pins none.
  public static func verify(_ course: Course, versions: [PythonVersion]? = nil) -> [Problem] {
    let versions = versions ?? course.python.map { [$0] } ?? PythonVersion.allCases
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
        let configuration: LearnerConfiguration
        do { configuration = try InputFile.configuration(at: path) } catch {
          problems.append(Problem(lesson: entry.id, message: error.description))
          continue
        }
        // The same problem under every version is said once; one that depends on the version
        // names the versions it shows under.
        var found: [(message: String, versions: [PythonVersion])] = []
        for python in versions {
          let report = LessonChecker.check(configuration, against: spec, file: path, python: python)
          var message: String?
          if mustPass, !report.passed(strict: true) {
            message = "the \(kind) does not pass: \(report.mistakes.map(\.id).joined(separator: ", "))"
          } else if !mustPass, report.passed() {
            message = "the \(kind) passes; it should show \(spec.starterMistake)"
          } else if !mustPass, !report.mistakes.contains(where: { $0.id == spec.starterMistake }) {
            let ids = report.mistakes.map(\.id).joined(separator: ", ")
            message = "the \(kind) fails with \(ids), not with \(spec.starterMistake)"
          }
          guard let message else { continue }
          if let index = found.firstIndex(where: { $0.message == message }) {
            found[index].versions.append(python)
          } else {
            found.append((message, [python]))
          }
        }
        for (message, shownUnder) in found {
          let under =
            shownUnder.count == versions.count
            ? "" : " (under Python \(shownUnder.map(\.rawValue).joined(separator: ", ")))"
          problems.append(Problem(lesson: entry.id, message: message + under))
        }
      }
      if !FileManager.default.fileExists(atPath: course.readmePath(entry)) {
        problems.append(Problem(lesson: entry.id, message: "lessons/\(entry.folder)/README.md is missing"))
      }
    }
    for directory in [course.lessonsDirectory, course.solutionsDirectory] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      // lessons/schema/ holds the JSON Schemas the lesson files name in "$schema".
      let own: Set<String> = directory == course.lessonsDirectory ? ["index.json", "schema"] : ["index.json"]
      for name in names.sorted() where !name.hasPrefix(".") && !own.contains(name) && !folders.contains(name) {
        problems.append(Problem(lesson: nil, message: "\(directory)/\(name) is not in lessons/index.json"))
      }
    }
    return problems
  }
}
