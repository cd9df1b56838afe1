/// What the loop waits on between iterations, as asyncio's selector waits for its timeout.
public protocol LoopClock: AnyObject {
  /// Waits until `deadline` (ticks); returns the time reached, or `nil` when interrupted.
  func wait(from now: Int64, until deadline: Int64) -> Int64?
  /// Blocking work: returns the time after holding the thread for `step` ticks.
  func block(from now: Int64, by step: Int64) -> Int64
  /// Nothing is scheduled but work runs beside the loop: returns the time it is done.
  func waitForOutsideWork(from now: Int64, loop: EventLoop) -> Int64?
  /// Whether the run was interrupted from outside.
  var isInterrupted: Bool { get }
}

/// The virtual clock: waiting is instant, so a run takes no real time and is the same every time.
public final class VirtualLoopClock: LoopClock, Sendable {
  /// The one virtual clock every loop can share: it keeps nothing.
  public static let shared = VirtualLoopClock()
  public init() {}
  public func wait(from now: Int64, until deadline: Int64) -> Int64? { deadline }
  public func block(from now: Int64, by step: Int64) -> Int64 { now + step }
  public func waitForOutsideWork(from now: Int64, loop: EventLoop) -> Int64? { now }
  public var isInterrupted: Bool { false }
}
