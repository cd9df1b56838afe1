import GuardedGather

/// A value while reading a program: what a constant, an argument or a result holds.
indirect enum PyValue: Sendable, Equatable {
  case int(Int)
  case float(Double)
  case string(String)
  case none
  case bool(Bool)
  case list([PyValue])
  case tuple([PyValue])
  /// An `asyncio.Semaphore(n)`, where it was made.
  case semaphore(permits: Int, made: SourcePosition, perCall: Bool)
  /// A call of an async function, not yet awaited.
  case coroutine(PyCoroutine)
  /// An exception caught by `except … as e`.
  case exception(type: String, message: String)

  var truthy: Bool {
    switch self {
    case .int(let n): n != 0
    case .float(let n): n != 0
    case .string(let s): !s.isEmpty
    case .none: false
    case .bool(let b): b
    case .list(let items), .tuple(let items): !items.isEmpty
    default: true
    }
  }

  /// `str(value)`.
  var str: String {
    switch self {
    case .string(let s): s
    case .exception(_, let message): message
    default: repr
    }
  }

  /// `repr(value)`, as `print` shows a list.
  var repr: String {
    switch self {
    case .int(let n): return String(n)
    case .float(let n):
      if n.isInfinite { return n > 0 ? "inf" : "-inf" }
      return n.isNaN ? "nan" : String(n)
    case .string(let s): return GatherTrace.pythonString(s)
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .list(let items): return "[" + items.map(\.repr).joined(separator: ", ") + "]"
    case .tuple(let items): return "(" + items.map(\.repr).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
    case .semaphore: return "<asyncio.locks.Semaphore>"
    case .coroutine: return "<coroutine>"
    case .exception(let type, let message): return "\(type)(\(GatherTrace.pythonString(message)))"
    }
  }

  /// The value as a number of seconds or a count, if it is a number.
  var number: Double? {
    switch self {
    case .int(let n): Double(n)
    case .float(let n): n
    case .bool(let b): b ? 1 : 0
    default: nil
    }
  }
}

/// A call of an async function with its arguments bound to its parameters.
struct PyCoroutine: Sendable, Equatable {
  var function: String
  var bindings: [String: PyValue]
  var position: SourcePosition
  /// A `wait_for(…, timeout)` around the call in the gather itself: the timeout covers the
  /// whole guarded call, the wait for a slot included.
  var outerTimeout: PyValue?
  var outerTimeoutPosition: SourcePosition?

  static func == (a: PyCoroutine, b: PyCoroutine) -> Bool { a.function == b.function && a.position == b.position }
}
