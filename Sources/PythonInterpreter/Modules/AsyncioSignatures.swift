import AsyncioModel

/// The Python signatures of asyncio's functions and classes, as each CPython version defines them
/// (`inspect.signature` under 3.10 to 3.13), so that a call asyncio would refuse is refused with
/// CPython's own `TypeError`: `asyncio.Semaphore(limit=3)` is
/// `Semaphore.__init__() got an unexpected keyword argument 'limit'`, never a semaphore of 1.
///
/// The checks follow CPython's binding of a Python function's arguments, in its order: each
/// keyword (unknown, with 3.13's "Did you mean" — or given twice), then too many positional
/// arguments. A missing argument is each function's own message.
struct PythonSignature {
  /// The name the messages use: `sleep`, `Semaphore.__init__`.
  let qualname: String
  /// Parameters that may be given by position or by keyword, in order (without `self`).
  let positional: [String]
  /// How many of them have no default.
  let required: Int
  let keywordOnly: [String]
  /// An `__init__`: CPython counts `self` among the positional arguments.
  let countsSelf: Bool

  func check(_ a: Args, version: PythonVersion) throws {
    for (k, _) in a.keywords {
      if let index = positional.firstIndex(of: k) {
        if index < a.count { throw typeError("\(qualname)() got multiple values for argument '\(k)'") }
      } else if !keywordOnly.contains(k) {
        var message = "\(qualname)() got an unexpected keyword argument '\(k)'"
        if version.minor >= 13, let close = Suggestions.closest(k, positional + keywordOnly) {
          message += ". Did you mean '\(close)'?"
        }
        throw typeError(message)
      }
    }
    guard a.count > positional.count else { return }
    let extra = countsSelf ? 1 : 0
    let most = positional.count + extra
    let given = a.count + extra
    let takes =
      required < positional.count
      ? "from \(required + extra) to \(most) positional arguments"
      : "\(most) positional argument\(most == 1 ? "" : "s")"
    throw typeError("\(qualname)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given")
  }

  /// The signature of `asyncio.NAME` under `version`, for the functions and classes lesson runs
  /// whose arguments it reads itself (`gather` and `to_thread` take any).
  static func asyncio(_ name: String, _ version: PythonVersion) -> PythonSignature? {
    let v310 = version.minor == 10
    // 3.10 still accepts `loop=` on the classes, to refuse it with a message of its own.
    let loop = v310 ? ["loop"] : []
    switch name {
    case "Semaphore", "BoundedSemaphore":
      return .init(qualname: "\(name).__init__", positional: ["value"], required: 0, keywordOnly: loop, countsSelf: true)
    case "Lock", "Event":
      return .init(qualname: "\(name).__init__", positional: [], required: 0, keywordOnly: loop, countsSelf: true)
    case "Condition":
      return .init(qualname: "Condition.__init__", positional: ["lock"], required: 0, keywordOnly: loop, countsSelf: true)
    case "Queue", "PriorityQueue", "LifoQueue":
      return .init(qualname: "Queue.__init__", positional: ["maxsize"], required: 0, keywordOnly: loop, countsSelf: true)
    case "TaskGroup":
      return .init(qualname: "TaskGroup.__init__", positional: [], required: 0, keywordOnly: [], countsSelf: true)
    case "Runner":
      return .init(
        qualname: "Runner.__init__", positional: [], required: 0, keywordOnly: ["debug", "loop_factory"], countsSelf: true)
    case "sleep": return .function(name, ["delay", "result"], required: 1)
    case "wait_for": return .function(name, ["fut", "timeout"], required: 2)
    case "timeout": return .function(name, ["delay"], required: 1)
    case "timeout_at": return .function(name, ["when"], required: 1)
    case "wait": return .function(name, ["fs"], required: 1, keywordOnly: ["timeout", "return_when"])
    case "as_completed": return .function(name, ["fs"], required: 1, keywordOnly: ["timeout"])
    case "create_task": return .function(name, ["coro"], required: 1, keywordOnly: v310 ? ["name"] : ["name", "context"])
    case "ensure_future": return .function(name, ["coro_or_future"], required: 1, keywordOnly: ["loop"])
    case "shield": return .function(name, ["arg"], required: 1)
    case "run":
      return .function(name, ["main"], required: 1, keywordOnly: version.minor >= 12 ? ["debug", "loop_factory"] : ["debug"])
    default: return nil
    }
  }

  static func function(_ name: String, _ positional: [String], required: Int, keywordOnly: [String] = [])
    -> PythonSignature
  {
    .init(qualname: name, positional: positional, required: required, keywordOnly: keywordOnly, countsSelf: false)
  }

  /// 3.10's refusal of `loop=` on asyncio's classes.
  static func refuseLoop(_ a: Args, _ name: String, _ version: PythonVersion) throws {
    guard version.minor == 10, a.keyword("loop") != nil else { return }
    throw typeError("As of 3.10, the *loop* parameter was removed from \(name)() since it is no longer necessary")
  }
}
