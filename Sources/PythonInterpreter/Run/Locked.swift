import Foundation

/// A value shared between threads, read and changed only under its lock (an `NSLock`, which the
/// thread sanitizer understands; it reported races through `Mutex` held in a static).
public final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value
  public init(_ value: Value) { self.value = value }
  public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}

/// The process's memory meter (``Budgets/processMemoryMeter``), behind a lock, as a closure of
/// its own type: not a `Locked<Value>`. A closure kept in generic storage is wrapped in a
/// conversion each time it is read through `withLock`'s `inout` and written back, and the wraps
/// piled up: after 10,000 programs graded, calling the meter went through 20,000 of them.
final class MeterSlot: @unchecked Sendable {
  private let lock = NSLock()
  private var meter: (@Sendable () -> Int)?

  func read() -> (@Sendable () -> Int)? {
    lock.lock()
    defer { lock.unlock() }
    return meter
  }

  func write(_ newValue: (@Sendable () -> Int)?) {
    lock.lock()
    defer { lock.unlock() }
    meter = newValue
  }
}
