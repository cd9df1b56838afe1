import AsyncioModel
import PythonValues

/// `time`, on the virtual clock: `sleep` blocks the loop (or a worker thread) and moves the clock.
enum TimeModule {
  /// `time.time()` at the program's start (a fixed instant, as the recordings use).
  static let epoch = 1_700_000_000.0

  static func make(_ m: Machine) -> ModuleObject {
    let mod = ModuleObject("time")
    /// The clocks take nothing and `sleep` one argument, all by position (`METH_NOARGS`, `METH_O`).
    func fn(_ name: String, _ body: @escaping BuiltinFunctionObject.Body) {
      mod.dict.setStr(
        name,
        BuiltinFunctionObject(name) { m, a in
          if !a.keywords.isEmpty { throw typeError("time.\(name)() takes no keyword arguments") }
          if name == "sleep" {
            if a.count != 1 { throw typeError("time.sleep() takes exactly one argument (\(a.count) given)") }
          } else if a.count > 0 {
            throw typeError("time.\(name)() takes no arguments (\(a.count) given)")
          }
          return try body(m, a)
        })
    }
    fn("perf_counter") { m, _ in
      return FloatObject(Double(m.clockTicks) / 1_000_000)
    }
    fn("monotonic") { m, _ in
      return FloatObject(Double(m.clockTicks) / 1_000_000)
    }
    fn("time") { m, _ in
      return FloatObject(epoch + Double(m.clockTicks) / 1_000_000)
    }
    fn("perf_counter_ns") { m, _ in
      return IntObject.make(BigInt(Int(m.clockTicks)) * BigInt(1000))
    }
    fn("monotonic_ns") { m, _ in
      return IntObject.make(BigInt(Int(m.clockTicks)) * BigInt(1000))
    }
    fn("time_ns") { m, _ in
      return IntObject.make(BigInt(Int(epoch)) * BigInt(1_000_000_000) + BigInt(Int(m.clockTicks)) * BigInt(1000))
    }
    fn("process_time") { m, _ in FloatObject(0) }
    fn("sleep") { m, a in
      guard a.count == 1 else { throw typeError("time.sleep() takes exactly one argument (\(a.count) given)") }
      guard let s = try m.asDouble(a[0]) else {
        throw typeError("'\(m.typeName(a[0]))' object cannot be interpreted as an integer")
      }
      if s.isNaN { throw valueError("Invalid value NaN (not a number)") }
      if s < 0 { throw valueError("sleep length must be non-negative") }
      if s * 1e9 >= 9.2e18 {
        throw Halt.refused(
          line: m.learnerLine, column: m.learnerColumn, construct: "time.sleep() of more than 292 years",
          why: "Python raises an OverflowError whose words change from version to version")
      }
      let us = EventLoop.ticks(ofSeconds: s)
      if m.inWorker > 0 {
        m.threadTicks = Machine.later(m.threadTicks, us)
        m.workerSlept = true
      } else if let l = m.openLoop {
        m.observeBlocking(Double(us) / 1_000_000)
        l.block(forSeconds: Double(us) / 1_000_000)
      } else {
        m.clockOffset = Machine.later(m.clockOffset, us)
      }
      return NoneObject.shared
    }
    return mod
  }
}

/// `sys`: the program's streams, `exit`, `version_info`.
enum SysModule {
  /// `sys.version_info`'s type: a tuple whose items are also `major`, `minor`, `micro`,
  /// `releaselevel` and `serial`.
  static let versionInfoType: TypeObject = {
    let t = TypeObject("version_info", bases: [Types.tuple], layout: .tuple, builtin: false, module: "sys")
    t.isShared = true
    let fields = ["major", "minor", "micro", "releaselevel", "serial"]
    t.dict.setStr("n_fields", IntObject.make(fields.count))
    t.construct = { _, _, _ in throw typeError("cannot create 'sys.version_info' instances") }
    for (i, f) in fields.enumerated() {
      t.dict.setStr(
        f,
        DescriptorObject(
          .property,
          BuiltinFunctionObject(f) { m, a in
            guard let tuple = a[0] as? TupleObject, i < tuple.items.count else {
              throw typeError(
                "descriptor '\(f)' for 'sys.version_info' objects doesn't apply to a '\(m.typeName(a[0]))' object")
            }
            return tuple.items[i]
          }))
    }
    t.dict.setStr(
      "__repr__",
      BuiltinFunctionObject("__repr__") { m, a in
        guard let tuple = a[0] as? TupleObject else { throw typeError("expected sys.version_info") }
        let parts = try zip(fields, tuple.items).map { "\($0)=\(try m.repr($1))" }
        return StrObject("sys.version_info(\(parts.joined(separator: ", ")))")
      })
    return t
  }()

  static func make(_ m: Machine) -> ModuleObject {
    let mod = ModuleObject("sys")
    let stdout = StreamObject(toStderr: false)
    let stderr = StreamObject(toStderr: true)
    mod.dict.setStr("stdout", stdout)
    mod.dict.setStr("stderr", stderr)
    // The streams the interpreter started with, for putting back what a program replaced.
    mod.dict.setStr("__stdout__", stdout)
    mod.dict.setStr("__stderr__", stderr)
    let patch = ["10": "13", "11": "7", "12": "1", "13": "0"]["\(m.version.minor)"] ?? "0"
    let vi = TupleObject(
      [
        IntObject.make(3), IntObject.make(m.version.minor), IntObject.make(Int(patch)!), StrObject("final"),
        IntObject.make(0),
      ],
      type: versionInfoType)
    mod.dict.setStr("version_info", vi)
    mod.dict.setStr("version", StrObject("3.\(m.version.minor).\(patch)"))
    mod.dict.setStr("platform", StrObject("linux"))
    mod.dict.setStr("argv", ListObject([StrObject(m.filename)]))
    mod.dict.setStr("maxsize", IntObject.make(Int.max))
    mod.dict.setStr("byteorder", StrObject("little"))
    mod.dict.setStr(
      "exit",
      BuiltinFunctionObject("exit") { _, a in
        // sys.exit(None) is sys.exit(): a SystemExit with no arguments.
        throw ExceptionObject(Types.SystemExit, a.count > 0 && !(a[0] is NoneObject) ? [a[0]] : [])
      })
    mod.dict.setStr(
      "getrecursionlimit", BuiltinFunctionObject("getrecursionlimit") { m, _ in IntObject.make(m.budgets.recursion) })
    mod.dict.setStr(
      "setrecursionlimit",
      BuiltinFunctionObject("setrecursionlimit") { m, a in
        guard let n = (a[0] as? IntObject)?.intValue, n >= 1 else {
          throw valueError("recursion limit must be greater or equal than 1")
        }
        m.budgets.recursion = n
        return NoneObject.shared
      })
    mod.dict.setStr(
      "exc_info",
      BuiltinFunctionObject("exc_info") { m, _ in
        guard let e = m.currentHandled() else {
          return TupleObject([NoneObject.shared, NoneObject.shared, NoneObject.shared])
        }
        return TupleObject([e.type, e, try m.getAttribute(e, StrObject("__traceback__"))])
      })
    if m.version.minor >= 11 {
      mod.dict.setStr(
        "exception", BuiltinFunctionObject("exception") { m, _ in m.currentHandled() ?? NoneObject.shared })
    }
    mod.dict.setStr("modules", DictObject())
    return mod
  }
}

/// `sys.stdout` and `sys.stderr`: write into the run's captured output.
final class StreamObject: NativeObject {
  let toStderr: Bool
  init(toStderr: Bool) {
    self.toStderr = toStderr
    super.init(type: StreamObject.streamType)
  }

  static let streamType: TypeObject = {
    let t = AsyncioModule.nativeType(
      "TextIOWrapper", module: "_io",
      [
        (
          "write",
          { m, a in
            guard let s = a.get(1, "s") as? StrObject else {
              throw typeError("write() argument must be str, not \(m.typeName(a.get(1, "s") ?? NoneObject.shared))")
            }
            try m.write(s.value, toStderr: (a[0] as! StreamObject).toStderr)
            return IntObject.make(s.count)
          }
        ),
        ("flush", { _, _ in NoneObject.shared }),
        ("isatty", { _, _ in BoolObject.false }),
        (
          "writelines",
          { m, a in
            for l in try m.iterate(a[1]) { try m.write(try m.str(l), toStderr: (a[0] as! StreamObject).toStderr) }
            return NoneObject.shared
          }
        ),
        (
          "fileno",
          { m, _ in
            throw Halt.refused(
              line: m.learnerLine, column: m.learnerColumn, construct: "fileno",
              why: "file descriptors are outside an exercise run")
          }
        ),
      ])
    return t
  }()
}
