import Foundation
import LessonKit
import Testing

extension ConformanceCase: CustomTestStringConvertible {
  public var testDescription: String { name }

  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Conformance")

  /// The committed corpus.
  static func load(_ file: String = "corpus.json") throws -> [ConformanceCase] {
    try load(url: directory.appendingPathComponent(file))
  }
}
