import PythonValues

/// What the standard-library modules written in Swift share: defining names and reading arguments
/// with CPython's messages.
extension ModuleObject {
  /// Defines a module-level function.
  func def(_ name: String, _ body: @escaping BuiltinFunctionObject.Body) {
    dict.setStr(name, BuiltinFunctionObject(name, body))
  }
  /// Defines a module-level value.
  func set(_ name: String, _ value: PyObject) { dict.setStr(name, value) }
}

/// Argument checks for built-in functions, raising what CPython raises.
enum ArgCheck {
  /// `f() takes exactly one argument (2 given)` and friends, for positional-only functions
  /// that take no keywords.
  static func positional(_ a: Args, _ name: String, min: Int, max: Int) throws {
    if !a.keywords.isEmpty { throw typeError("\(name)() takes no keyword arguments") }
    if a.count < min || a.count > max {
      if min == max {
        if min == 1 { throw typeError("\(name)() takes exactly one argument (\(a.count) given)") }
        throw typeError("\(name) expected \(min) arguments, got \(a.count)")
      }
      if a.count < min { throw typeError("\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(a.count)") }
      throw typeError("\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(a.count)")
    }
  }

  /// Keywords other than `allowed`: `f() got an unexpected keyword argument 'x'`.
  static func keywords(_ a: Args, _ name: String, _ allowed: Set<String>) throws {
    for (k, _) in a.keywords where !allowed.contains(k) {
      throw typeError("\(name)() got an unexpected keyword argument '\(k)'")
    }
  }

  /// An integer argument (`__index__`): `'float' object cannot be interpreted as an integer`.
  static func int(_ m: Machine, _ o: PyObject) throws -> BigInt {
    if let i = o as? IntObject { return i.value }
    if !o.type.isBuiltin, let f = o.type.lookup("__index__") {
      let r = try m.call(f, Args([o]))
      guard let i = r as? IntObject else { throw typeError("__index__ returned non-int (type \(m.typeName(r)))") }
      return i.value
    }
    throw typeError("'\(m.typeName(o))' object cannot be interpreted as an integer")
  }

  /// An integer argument that fits in a machine word (`Py_ssize_t`).
  static func smallInt(_ m: Machine, _ o: PyObject) throws -> Int {
    let v = try int(m, o)
    guard let s = v.int else { throw pyError(Types.OverflowError, "Python int too large to convert to C ssize_t") }
    return s
  }

  /// A slice-like index (`list.index`'s start and stop): held to a machine word, never an error.
  static func smallIntClamped(_ m: Machine, _ o: PyObject) throws -> Int {
    guard o is IntObject || (!o.type.isBuiltin && o.type.lookup("__index__") != nil) else {
      throw typeError("slice indices must be integers or have an __index__ method")
    }
    let v = try int(m, o)
    if let s = v.int { return s }
    return v.signum < 0 ? Int.min : Int.max
  }

  /// A float argument (`PyFloat_AsDouble`): `must be real number, not str`.
  static func double(_ m: Machine, _ o: PyObject) throws -> Double {
    if let d = try m.asDouble(o) { return d }
    if !o.type.isBuiltin {
      if let f = o.type.lookup("__float__") {
        let r = try m.call(f, Args([o]))
        guard let x = r as? FloatObject else { throw typeError("\(m.typeName(o)).__float__ returned non-float (type \(m.typeName(r)))") }
        return x.value
      }
      if o.type.lookup("__index__") != nil {
        let v = try int(m, o)
        return try values { () throws(PythonValuesError) in try v.toDouble() }
      }
    }
    throw typeError("must be real number, not \(m.typeName(o))")
  }
}

extension Machine {
  /// A stop for something the machine does not run exactly as CPython, at the current line.
  func refuse(_ construct: String, _ why: String) -> Halt {
    Sandbox.refuse(self, construct: construct, why: why)
  }
}
