/// A reference that does not keep its object alive, for an object that others reach very often.
///
/// A `weak` reference gives its object a side table, and from then on every retain and release
/// of the object takes the runtime's slow path: for the loop and the interpreter's machine, which
/// are retained at nearly every step, that was a tenth of a program's run. The object makes one
/// link, holds it, and marks it dead as it goes (in its `deinit`); holders keep the link strongly
/// and read ``object`` where they would read the weak reference.
///
/// Single-threaded, as its objects are: the link is read and marked dead on their one thread.
public final class LifetimeLink<Object: AnyObject> {
  private unowned(unsafe) let target: Object
  private var alive = true

  /// A link to `object`, which must call ``objectEnded()`` in its `deinit`.
  public init(_ object: Object) { target = object }

  /// The object while it is alive; `nil` once it is gone.
  @inline(__always)
  public var object: Object? { alive ? target : nil }

  /// Called by the object's `deinit`: from now on the link leads nowhere.
  public func objectEnded() { alive = false }
}
