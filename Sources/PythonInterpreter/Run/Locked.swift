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
