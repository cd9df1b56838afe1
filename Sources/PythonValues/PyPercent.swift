/// Python's printf-style formatting, `format % args`, as CPython's `PyUnicode_Format`.
///
/// The value layer does not know the VM's objects: it sees each argument through
/// ``PercentOperand`` (what `%d`, `%f` and `%c` need) and calls back for `str()` and `repr()`,
/// which may run the program's own `__str__`/`__repr__` (and throw its exceptions, which pass
/// through unchanged).
///
/// ## Example Usage
///
/// ```swift
/// let text = try PyPercent.format(
///   "%s scored %5.1f%%", .tuple([.str("Ann"), .float(92.25)]),
///   operand: { $0 }, str: { $0.defaultStr }, repr: { $0.defaultRepr })
/// // "Ann scored  92.2%"
/// ```
public enum PyPercent {
  /// The right operand of `%`.
  public enum Arguments<Value> {
    /// A tuple: one item per conversion.
    case tuple([Value])
    /// Any other object, used for the one conversion; `mapping` when it is a mapping (a
    /// `dict`, and also a `list`: CPython's `PyMapping_Check`), which allows `%(key)s` and
    /// excuses unused arguments.
    case single(Value, mapping: ((String) throws -> Value)?)
  }

  /// `format % args`.
  ///
  /// - Parameters:
  ///   - format: The format string.
  ///   - args: The right operand.
  ///   - operand: How `%d`/`%f`/`%c` see a value.
  ///   - str: `str(value)`.
  ///   - repr: `repr(value)` (also the source of `%a`, escaped to ASCII).
  /// - Throws: ``PythonValuesError``s with CPython's messages (`TypeError: not enough arguments
  ///   for format string`, `TypeError: %d format: a real number is required, not str`, ...),
  ///   and whatever `str`, `repr` or the mapping throw.
  public static func format<Value>(
    _ format: String, _ args: Arguments<Value>, operand: (Value) -> PercentOperand,
    str: (Value) throws -> String, repr: (Value) throws -> String,
    release: PythonRelease = .default
  ) throws -> String {
    let fmt = Array(format.unicodeScalars)
    var out = String.UnicodeScalarView()
    var state = State<Value>(args: args)
    var pos = 0
    while pos < fmt.count {
      if fmt[pos] != "%" {
        let start = pos
        while pos < fmt.count && fmt[pos] != "%" { pos += 1 }
        out.append(contentsOf: fmt[start..<pos])
        continue
      }
      pos += 1
      if pos < fmt.count && fmt[pos] == "%" {
        out.append("%")
        pos += 1
        continue
      }
      var spec = try parse(fmt, &pos, &state, operand: operand)
      let text = try convert(&spec, &state, fmt, pos, operand: operand, str: str, repr: repr, release: release)
      out.append(contentsOf: output(spec, text).unicodeScalars)
      if state.mapping != nil && state.argIndex < state.argCount {
        throw PythonValuesError.typeError("not all arguments converted during string formatting")
      }
    }
    if state.argIndex < state.argCount && state.mapping == nil {
      throw PythonValuesError.typeError("not all arguments converted during string formatting")
    }
    return String(out)
  }

  struct State<Value> {
    var items: [Value]
    var single: Value?
    var argCount: Int
    var argIndex: Int
    var mapping: ((String) throws -> Value)?

    init(args: Arguments<Value>) {
      switch args {
      case .tuple(let items):
        self.items = items
        argCount = items.count
        argIndex = 0
      case .single(let v, let mapping):
        items = []
        single = v
        argCount = -1
        argIndex = -2
        self.mapping = mapping
      }
    }

    mutating func next() throws(PythonValuesError) -> Value {
      guard argIndex < argCount else { throw .typeError("not enough arguments for format string") }
      argIndex += 1
      return argCount < 0 ? single! : items[argIndex - 1]
    }
  }

  struct Spec {
    var leftAdjust = false
    var plus = false
    var blank = false
    var alternate = false
    var zero = false
    var width = -1
    var precision = -1
    var conversion: Unicode.Scalar = "\0"
    var numeric = false
  }

  /// `unicode_format_arg_parse`: `(key)`, flags, width, precision, length modifier, conversion.
  static func parse<Value>(
    _ fmt: [Unicode.Scalar], _ pos: inout Int, _ state: inout State<Value>, operand: (Value) -> PercentOperand
  ) throws -> Spec {
    var spec = Spec()
    // `count` mirrors CPython's fmtcnt: characters left after the current one.
    var c: Unicode.Scalar = pos < fmt.count ? fmt[pos] : "\0"
    var count = fmt.count - pos
    func advance() -> Bool {
      count -= 1
      if count < 0 { return false }
      c = fmt[pos]
      pos += 1
      return true
    }
    if c == "(" {
      guard let mapping = state.mapping else { throw PythonValuesError.typeError("format requires a mapping") }
      pos += 1
      count -= 1
      let keyStart = pos
      var depth = 1
      while depth > 0 && count > 0 {
        let k = fmt[pos]
        if k == ")" { depth -= 1 } else if k == "(" { depth += 1 }
        pos += 1
        count -= 1
      }
      if count < 0 || depth > 0 { throw PythonValuesError.valueError("incomplete format key") }
      let key = String(String.UnicodeScalarView(fmt[keyStart..<(pos - 1)]))
      state.single = try mapping(key)
      state.argCount = -1
      state.argIndex = -2
      c = pos < fmt.count ? fmt[pos] : "\0"
    }
    flags: while advance() {
      switch c {
      case "-": spec.leftAdjust = true
      case "+": spec.plus = true
      case " ": spec.blank = true
      case "#": spec.alternate = true
      case "0": spec.zero = true
      default: break flags
      }
    }
    func starArgument() throws -> Int {
      let v = try state.next()
      guard case .int(let n) = operand(v) else { throw PythonValuesError.typeError("* wants int") }
      guard let i = n.int else { throw PythonValuesError.overflowError("Python int too large to convert to C ssize_t") }
      return i
    }
    if c == "*" {
      spec.width = try starArgument()
      if spec.width < 0 {
        spec.leftAdjust = true
        spec.width = -spec.width
      }
      _ = advance()
    } else if c.value >= 0x30 && c.value <= 0x39 {
      spec.width = Int(c.value - 0x30)
      while advance() {
        guard c.value >= 0x30 && c.value <= 0x39 else { break }
        let (m, o1) = spec.width.multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(Int(c.value - 0x30))
        if o1 || o2 { throw PythonValuesError.valueError("width too big") }
        spec.width = a
      }
    }
    if c == "." {
      spec.precision = 0
      _ = advance()
      if c == "*" {
        spec.precision = max(0, try starArgument())
        _ = advance()
      } else if c.value >= 0x30 && c.value <= 0x39 {
        spec.precision = Int(c.value - 0x30)
        while advance() {
          guard c.value >= 0x30 && c.value <= 0x39 else { break }
          spec.precision = spec.precision * 10 + Int(c.value - 0x30)
          if spec.precision > Int(Int32.max) { throw PythonValuesError.valueError("precision too big") }
        }
      }
    }
    if count >= 0 && (c == "h" || c == "l" || c == "L") { _ = advance() }
    if count < 0 { throw PythonValuesError.valueError("incomplete format") }
    spec.conversion = c
    return spec
  }

  /// `unicode_format_arg_format`: the converted text, before width and sign.
  static func convert<Value>(
    _ spec: inout Spec, _ state: inout State<Value>, _ fmt: [Unicode.Scalar], _ pos: Int,
    operand: (Value) -> PercentOperand, str: (Value) throws -> String, repr: (Value) throws -> String,
    release: PythonRelease
  ) throws -> String {
    let v = try state.next()
    let conversion = spec.conversion
    if spec.width > PyFormat.widthBudget || spec.precision > PyFormat.widthBudget {
      throw PythonValuesError.resourceLimit("width or precision over the budget of \(PyFormat.widthBudget)")
    }
    switch conversion {
    case "s":
      if case .str(let s) = operand(v) { return s }
      return try str(v)
    case "r": return try repr(v)
    case "a": return ascii(try repr(v))
    case "i", "d", "u", "o", "x", "X":
      spec.numeric = true
      let n = try integer(operand(v), conversion)
      return try formatLong(n, spec, conversion, release: release)
    case "e", "E", "f", "F", "g", "G":
      spec.numeric = true
      let x = try real(operand(v))
      let code: PyFloat.Code =
        switch conversion {
        case "e", "E": .exponent
        case "f", "F": .fixed
        default: .general
        }
      let upper = conversion == "E" || conversion == "F" || conversion == "G"
      return PyFloat.format(
        x, code: code, precision: spec.precision < 0 ? 6 : spec.precision, upper: upper, alternate: spec.alternate)
    case "c":
      let scalar: Unicode.Scalar
      switch operand(v) {
      case .str(let s):
        let scalars = s.unicodeScalars
        guard scalars.count == 1 else { throw PythonValuesError.typeError("%c requires int or char") }
        scalar = scalars.first!
      case .int(let n),
        .other(_, int: _, index: let n?, float: _) where true:
        guard let i = n.int64, i >= 0, i <= 0x10FFFF else {
          throw PythonValuesError.overflowError("%c arg not in range(0x110000)")
        }
        scalar = Unicode.Scalar(UInt32(i)) ?? "\u{FFFD}"
      case .bool(let b):
        scalar = b ? "\u{1}" : "\u{0}"
      default:
        throw PythonValuesError.typeError("%c requires int or char")
      }
      return String(scalar)
    default:
      let shown = conversion.value >= 31 && conversion.value <= 126 ? String(conversion) : "?"
      throw PythonValuesError.valueError(
        "unsupported format character '\(shown)' (0x\(String(conversion.value, radix: 16))) at index \(pos - 1)")
    }
  }

  /// `mainformatlong`'s conversion: ints as they are, other numbers through `__int__` (`%d`)
  /// or `__index__` (`%o %x %X`).
  static func integer(_ op: PercentOperand, _ conversion: Unicode.Scalar) throws -> BigInt {
    let wantsIndex = conversion == "o" || conversion == "x" || conversion == "X"
    func wrongType(_ typeName: String) -> PythonValuesError {
      wantsIndex
        ? .typeError("%\(conversion) format: an integer is required, not \(typeName)")
        : .typeError("%\(conversion) format: a real number is required, not \(typeName)")
    }
    switch op {
    case .int(let n): return n
    case .bool(let b): return BigInt(b ? 1 : 0)
    case .float(let x):
      if wantsIndex { throw wrongType("float") }
      return try BigInt(truncating: x)
    case .str: throw wrongType("str")
    case .none: throw wrongType("NoneType")
    case .other(let typeName, let int, let index, let float):
      if wantsIndex {
        guard let index else { throw wrongType(typeName) }
        return index
      }
      if let int { return int }
      if let index { return index }
      if let float { return try BigInt(truncating: float) }
      throw wrongType(typeName)
    }
  }

  /// `PyFloat_AsDouble` as `%f` uses it.
  static func real(_ op: PercentOperand) throws -> Double {
    switch op {
    case .int(let n): return try n.toDouble()
    case .bool(let b): return b ? 1 : 0
    case .float(let x): return x
    case .str: throw PythonValuesError.typeError("must be real number, not str")
    case .none: throw PythonValuesError.typeError("must be real number, not NoneType")
    case .other(let typeName, _, let index, let float):
      if let float { return float }
      if let index { return try index.toDouble() }
      throw PythonValuesError.typeError("must be real number, not \(typeName)")
    }
  }

  /// `_PyUnicode_FormatLong`: sign, `0x` when alternate, zeros up to the precision, digits.
  static func formatLong(_ n: BigInt, _ spec: Spec, _ conversion: Unicode.Scalar, release: PythonRelease) throws
    -> String
  {
    var digits: String
    var prefix = ""
    switch conversion {
    case "o":
      digits = n.digits(radix: 8)
      prefix = "0o"
    case "x":
      digits = n.digits(radix: 16)
      prefix = "0x"
    case "X":
      digits = n.digits(radix: 16).uppercased()
      prefix = "0X"
    default:
      digits = try n.magnitude.pythonString(release: release)
    }
    if !spec.alternate { prefix = "" }
    if spec.precision > digits.utf8.count {
      digits = String(repeating: "0", count: spec.precision - digits.utf8.count) + digits
    }
    return (n.isNegative ? "-" : "") + prefix + digits
  }

  /// `unicode_format_arg_output`: precision for strings, then sign, prefix and width.
  static func output(_ spec: Spec, _ text: String) -> String {
    var scalars = Array(text.unicodeScalars)
    var len = scalars.count
    if (spec.width == -1 || spec.width <= len) && (spec.precision == -1 || spec.precision >= len) && !spec.plus
      && !spec.blank
    {
      return text
    }
    if spec.conversion == "s" || spec.conversion == "r" || spec.conversion == "a" {
      if spec.precision >= 0 && len > spec.precision {
        len = spec.precision
        scalars = Array(scalars[0..<len])
      }
    }
    let fill: Unicode.Scalar = spec.numeric && spec.zero ? "0" : " "
    var index = 0
    var signChar: Unicode.Scalar? = nil
    var hasSign = spec.numeric
    var width = spec.width
    if hasSign {
      let first = scalars.first
      if first == "-" || first == "+" {
        signChar = first
        len -= 1
        index += 1
      } else if spec.plus {
        signChar = "+"
      } else if spec.blank {
        signChar = " "
      } else {
        hasSign = false
      }
    }
    if width < len { width = len }
    var out = String.UnicodeScalarView()
    if hasSign {
      if fill != " " { out.append(signChar!) }
      if width > len { width -= 1 }
    }
    let prefixed = spec.alternate && (spec.conversion == "x" || spec.conversion == "X" || spec.conversion == "o")
    if prefixed {
      if fill != " " {
        out.append(contentsOf: scalars[index..<(index + 2)])
        index += 2
      }
      width = max(0, width - 2)
      len -= 2
    }
    if width > len && !spec.leftAdjust {
      out.append(contentsOf: repeatElement(fill, count: width - len))
      width = len
    }
    if fill == " " {
      if hasSign { out.append(signChar!) }
      if prefixed {
        out.append(contentsOf: scalars[index..<(index + 2)])
        index += 2
      }
    }
    if len > 0 { out.append(contentsOf: scalars[index..<(index + len)]) }
    if width > len { out.append(contentsOf: repeatElement(" " as Unicode.Scalar, count: width - len)) }
    return String(out)
  }

  /// `ascii()`: a repr with every non-ASCII code point escaped.
  public static func ascii(_ repr: String) -> String {
    var out = ""
    for c in repr.unicodeScalars {
      if c.isASCII {
        out.unicodeScalars.append(c)
      } else {
        let h = String(c.value, radix: 16)
        let width = c.value < 0x100 ? 2 : (c.value < 0x10000 ? 4 : 8)
        out += (width == 2 ? "\\x" : width == 4 ? "\\u" : "\\U") + String(repeating: "0", count: width - h.count) + h
      }
    }
    return out
  }
}

/// How `%` formatting sees one value: the numeric conversions it may use.
public enum PercentOperand: Sendable {
  case int(BigInt)
  case bool(Bool)
  case float(Double)
  case str(String)
  case none
  /// Any other object: its type name and what `__int__`, `__index__` and `__float__` give
  /// (`nil` when it has none; a number type without them is refused as CPython refuses it).
  case other(typeName: String, int: BigInt?, index: BigInt?, float: Double?)

  /// `str()` for the scalar cases (`nil` for `.other`, whose `str()` is the VM's).
  public var defaultStr: String? {
    switch self {
    case .int(let n): try? n.pythonString()
    case .bool(let b): b ? "True" : "False"
    case .float(let x): PyFloat.repr(x)
    case .str(let s): s
    case .none: "None"
    case .other: nil
    }
  }

  /// `repr()` for the scalar cases (`nil` for `.other`).
  public var defaultRepr: String? {
    if case .str(let s) = self { return PyString.repr(s) }
    return defaultStr
  }
}
