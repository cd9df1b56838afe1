import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The checks of a class's records, kept on disk while the class is graded and read back one
/// learner at a time when an output shows them (JUnit, Gradescope, feedback). Eight checks with
/// their expected and observed texts are most of a record: a class of 50,000 would hold them all.
///
/// The spool is a temporary file that is unlinked as soon as it is made: nothing is left behind,
/// whatever happens, and nothing else can open it. Several threads may add at once.
public final class CheckSpool: Sendable {
  /// Where one record's checks are in the spool.
  public struct Entry: Sendable, Hashable {
    var offset: Int64
    var length: Int32
    /// How many checks there are, and of them how many failed, warned and were skipped: enough
    /// for a report's totals without reading the checks back.
    public var counts: CheckCounts
  }

  private let descriptor: Int32
  private let end = Mutex<Int64>(0)

  /// A new, empty spool in the system's temporary folder, or `nil` when none can be made (the
  /// records then keep their checks in memory).
  public init?() {
    var template = Array((NSTemporaryDirectory() + "/lesson-checks.XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return nil }
    unlink(String(cString: template))
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Keeps `record`'s checks in the spool and takes them out of the record (see
  /// ``GradeRecord/spooledChecks``). A record whose checks cannot be written keeps them.
  public func spool(_ record: inout GradeRecord) {
    guard !record.checks.isEmpty, bytesFit(record.checks) else { return }
    let bytes = Array(
      GradeRecord(
        learner: "", lesson: record.lesson, status: record.status, score: 0, maxScore: 0, file: "",
        checks: record.checks
      ).wire.utf8)
    let offset = end.withLock { end in
      defer { end += Int64(bytes.count) }
      return end
    }
    let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
    guard written == bytes.count else { return }
    record.spooledChecks = Entry(offset: offset, length: Int32(bytes.count), counts: CheckCounts(record.checks))
    record.checks = []
  }

  /// Whether the checks' text is small enough for an entry (always, but for a check text of 2 GB).
  private func bytesFit(_ checks: [CheckResult]) -> Bool {
    checks.reduce(0) { $0 + $1.expected.utf8.count + $1.observed.utf8.count } < Int(Int32.max) / 4
  }

  /// `record` with its checks read back from the spool.
  public func restore(_ record: GradeRecord) -> GradeRecord {
    guard let entry = record.spooledChecks else { return record }
    let length = Int(entry.length)
    var bytes = [UInt8](repeating: 0, count: length)
    let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(entry.offset)) }
    var restored = record
    restored.spooledChecks = nil
    if read == length, let spooled = GradeRecord(wire: String(decoding: bytes, as: UTF8.self)) {
      restored.checks = spooled.checks
    }
    return restored
  }
}

/// How many checks a record has, and of them how many failed, warned and were skipped.
public struct CheckCounts: Sendable, Hashable {
  public var total: Int32 = 0
  public var failed: Int32 = 0
  public var warnings: Int32 = 0
  public var skipped: Int32 = 0

  public init(_ checks: [CheckResult]) {
    total = Int32(checks.count)
    for check in checks {
      switch check.status {
      case .failed: failed += 1
      case .warning: warnings += 1
      case .skipped: skipped += 1
      case .passed: break
      }
    }
  }
}
