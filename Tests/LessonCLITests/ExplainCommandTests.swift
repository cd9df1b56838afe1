import Foundation
import GuardedGather
import LessonCLI
import LessonKit
import Testing

/// `lesson explain ID`: every mistake has a long form whose examples run and show the difference.
@Suite struct ExplainCommandTests {
  @Test(arguments: Mistake.all.map(\.id))
  func everyMistakeHasABeforeAndAfterThatRun(_ id: String) throws {
    let mistake = try #require(Mistake.named(id))
    let explanation = try #require(mistake.explanation, "no explanation for \(id)")
    let before = try LearnerConfiguration.parse(
      Array(explanation.beforeJSON.utf8), file: "before.json")
    let after = try LearnerConfiguration.parse(
      Array(explanation.afterJSON.utf8), file: "after.json")
    #expect(before != after)
    #expect(explanation.beforePython != explanation.afterPython)
    let run = lesson("explain", id)
    #expect(run.code == .success)
    #expect(run.out.hasPrefix("\(id): "))
    #expect(run.out.contains("In Python, before:"))
  }

  @Test func withoutAnIdItListsEveryMistake() {
    let run = lesson("explain")
    #expect(run.code == .success)
    for mistake in Mistake.all { #expect(run.out.contains(mistake.id)) }
  }

  @Test func anUnknownIdSuggestsTheNearest() {
    let run = lesson("explain", "no-limt")
    #expect(run.code == .usage)
    #expect(run.err == "lesson: error: no mistake 'no-limt'; did you mean 'no-limit'?\n")
  }

  @Test(arguments: [60, 100])
  func snapshot(_ width: Int) {
    assertSnapshot(
      lesson("explain", "no-limit", width: width).snapshot, named: "explain-no-limit-\(width)")
  }
}
