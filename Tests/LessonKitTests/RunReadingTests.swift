import AsyncioModel
import Foundation
import GuardedGather
import Testing

@testable import LessonKit

/// Reading a program from its run agrees with reading it from its text, wherever the text reader
/// reads it: the same limit, timeout, scope, semaphore and error handling, and calls that run
/// the same on the model. The text reader has its own tests against recorded asyncio, so it is
/// the oracle here; the programs are the recorded corpus of learner programs.
@Suite struct RunReadingTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  static let folders = ["Corpus/programs", "LessonKitTests/Fixtures/programs"]

  struct Program: Sendable, CustomTestStringConvertible {
    var path: String
    var testDescription: String { (path as NSString).lastPathComponent }
  }

  static let programs: [Program] = folders.flatMap { folder in
    let directory = root.appendingPathComponent(folder).path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".py") && $0 != "record.py" && $0 != "generate.py" }.sorted()
      .map { Program(path: directory + "/" + $0) }
  }

  @Test func thereAreProgramsToCompare() { #expect(Self.programs.count >= 200) }

  @Test(arguments: programs, [PythonVersion.v3_10, .v3_13])
  func agreesWithTheTextReader(_ program: Program, python: PythonVersion) throws {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: program.path)))
    let file = (program.path as NSString).lastPathComponent
    guard let text = try? PythonProgram.read(bytes, file: file),
      (try? ProgramCrossCheck.verified(bytes, configuration: text, file: file, python: python)) != nil
    else { return }
    // A program that waits forever never finishes its gather: the text reader reads that one.
    guard !ProgramCrossCheck.run(bytes, name: file, python: python).deadlock else { return }
    let run = try #require(RunReading.configuration(bytes, file: file, python: python), "the run reading read nothing")
    let a = text.batch
    let b = run.batch
    let x = GatherEngine.runVirtual(a, python: python)
    let y = GatherEngine.runVirtual(b, python: python)
    #expect(a.effectiveLimit == b.effectiveLimit, "limit")
    #expect(a.calls.count == b.calls.count, "calls")
    // What a call would have raised, or how long it would have taken, is seen only if it ran.
    if x.calls.contains(where: { $0.outcome == .error }) { #expect(a.errors == b.errors, "errors") }
    #expect(a.calls.map(\.work) == b.calls.map(\.work), "work")
    let started = x.calls.indices.filter { x.calls[$0].startedAt != nil }
    #expect(started.map { a.calls[$0].delay } == started.map { b.calls[$0].delay }, "delays")
    let timeoutsA = a.calls.indices.map { a.effectiveTimeout(ofCallAt: $0) }
    #expect(timeoutsA == b.calls.indices.map { b.effectiveTimeout(ofCallAt: $0) }, "timeouts")
    if timeoutsA.contains(where: { $0 != nil }) && a.effectiveLimit != nil {
      #expect(a.timeoutScope == b.timeoutScope, "scope")
    }
    #expect(x.elapsed == y.elapsed)
    #expect(x.calls.map(\.outcome) == y.calls.map(\.outcome))
    #expect(x.timeouts == y.timeouts)
    // A count the run shows computed, the text shows computed, or written in and right, or not
    // at all (a sentence it does not read as a count: "4 of 8 calls timed out").
    if run.evidence?.timeoutsComputed == true {
      #expect(
        text.evidence?.timeoutsComputed == true || text.evidence?.timeouts == x.timeouts
          || text.evidence?.timeouts == nil, "timeouts computed")
    }
    if let claimed = run.evidence?.timeouts { #expect(text.evidence?.timeouts ?? x.timeouts == claimed || claimed != x.timeouts, "timeouts claimed") }
  }
}
