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
    // The work is done once, not per type: arguments are seen by their index in `values`.
    switch args {
    case .tuple(let items):
      return try formatCore(
        format, count: items.count, mapping: false, operand: { operand(items[$0]) }, str: { try str(items[$0]) },
        repr: { try repr(items[$0]) }, lookup: { _ in 0 }, release: release)
    case .single(let value, let mapping):
      var values = [value]
      return try formatCore(
        format, count: -1, mapping: mapping != nil, operand: { operand(values[$0]) }, str: { try str(values[$0]) },
        repr: { try repr(values[$0]) },
        lookup: { key in
          values.append(try mapping!(key))
          return values.count - 1
        }, release: release)
    }
  }

  /// The arguments as CPython's `unicode_formatter_t` sees them: a count (-1 for one object that
  /// is not a tuple), the next index, and the object a `%(key)` selected.
  struct State {
    var argCount: Int
    var argIndex: Int
    var single = 0
    let mapping: Bool

    init(count: Int, mapping: Bool) {
      argCount = count
      argIndex = count < 0 ? -2 : 0
      self.mapping = mapping
    }

    mutating func next() throws(PythonValuesError) -> Int {
      guard argIndex < argCount else { throw .typeError("not enough arguments for format string") }
      argIndex += 1
      return argCount < 0 ? single : argIndex - 1
    }
  }

  static func formatCore(
    _ format: String, count: Int, mapping: Bool, operand: (Int) -> PercentOperand, str: (Int) throws -> String,
    repr: (Int) throws -> String, lookup: (String) throws -> Int, release: PythonRelease
  ) throws -> String {
    // UTF-8: every character with a meaning here is ASCII; the rest is copied as it is.
    var format = format
    return try format.withUTF8 { fmt in
      var out: [UInt8] = []
      out.reserveCapacity(fmt.count + 16)
      var state = State(count: count, mapping: mapping)
      var pos = 0
      let percent = UInt8(ascii: "%")
      while pos < fmt.count {
        if fmt[pos] != percent {
          let start = pos
          while pos < fmt.count && fmt[pos] != percent { pos += 1 }
          out.append(contentsOf: UnsafeBufferPointer(rebasing: fmt[start..<pos]))
          continue
        }
        pos += 1
        if pos < fmt.count && fmt[pos] == percent {
          out.append(percent)
          pos += 1
          continue
        }
        var spec = try parse(fmt, &pos, &state, operand: operand, lookup: lookup)
        let text = try convert(&spec, &state, fmt, pos, operand: operand, str: str, repr: repr, release: release)
        out.append(contentsOf: output(spec, text).utf8)
        if state.mapping && state.argIndex < state.argCount {
          throw PythonValuesError.typeError("not all arguments converted during string formatting")
        }
      }
      if state.argIndex < state.argCount && !state.mapping {
        throw PythonValuesError.typeError("not all arguments converted during string formatting")
      }
      return String(decoding: out, as: UTF8.self)
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
  static func parse(
    _ fmt: UnsafeBufferPointer<UInt8>, _ pos: inout Int, _ state: inout State, operand: (Int) -> PercentOperand,
    lookup: (String) throws -> Int
  ) throws -> Spec {
    var spec = Spec()
    // `count` mirrors CPython's fmtcnt: bytes left after the current one.
    var c: UInt8 = pos < fmt.count ? fmt[pos] : 0
    var count = fmt.count - pos
    func advance() -> Bool {
      count -= 1
      if count < 0 { return false }
      c = fmt[pos]
      pos += 1
      return true
    }
    if c == UInt8(ascii: "(") {
      guard state.mapping else { throw PythonValuesError.typeError("format requires a mapping") }
      pos += 1
      count -= 1
      let keyStart = pos
      var depth = 1
      while depth > 0 && count > 0 {
        let k = fmt[pos]
        if k == UInt8(ascii: ")") { depth -= 1 } else if k == UInt8(ascii: "(") { depth += 1 }
        pos += 1
        count -= 1
      }
      if count < 0 || depth > 0 { throw PythonValuesError.valueError("incomplete format key") }
      let key = String(decoding: UnsafeBufferPointer(rebasing: fmt[keyStart..<(pos - 1)]), as: UTF8.self)
      state.single = try lookup(key)
      state.argCount = -1
      state.argIndex = -2
      c = pos < fmt.count ? fmt[pos] : 0
    }
    flags: while advance() {
      switch c {
      case UInt8(ascii: "-"): spec.leftAdjust = true
      case UInt8(ascii: "+"): spec.plus = true
      case UInt8(ascii: " "): spec.blank = true
      case UInt8(ascii: "#"): spec.alternate = true
      case UInt8(ascii: "0"): spec.zero = true
      default: break flags
      }
    }
    func starArgument() throws -> Int {
      let v = try state.next()
      guard case .int(let n) = operand(v) else { throw PythonValuesError.typeError("* wants int") }
      guard let i = n.int else { throw PythonValuesError.overflowError("Python int too large to convert to C ssize_t") }
      return i
    }
    let star = UInt8(ascii: "*")
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    if c == star {
      spec.width = try starArgument()
      if spec.width == .min { throw PythonValuesError.resourceLimit("width or precision over the budget of \(PyFormat.widthBudget)") }
      if spec.width < 0 {
        spec.leftAdjust = true
        spec.width = -spec.width
      }
      _ = advance()
    } else if isDigit(c) {
      spec.width = Int(c - 0x30)
      while advance() {
        guard isDigit(c) else { break }
        let (m, o1) = spec.width.multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(Int(c - 0x30))
        if o1 || o2 { throw PythonValuesError.valueError("width too big") }
        spec.width = a
      }
    }
    if c == UInt8(ascii: ".") {
      spec.precision = 0
      _ = advance()
      if c == star {
        spec.precision = max(0, try starArgument())
        _ = advance()
      } else if isDigit(c) {
        spec.precision = Int(c - 0x30)
        while advance() {
          guard isDigit(c) else { break }
          spec.precision = spec.precision * 10 + Int(c - 0x30)
          if spec.precision > Int(Int32.max) { throw PythonValuesError.valueError("precision too big") }
        }
      }
    }
    if count >= 0 && (c == UInt8(ascii: "h") || c == UInt8(ascii: "l") || c == UInt8(ascii: "L")) { _ = advance() }
    if count < 0 { throw PythonValuesError.valueError("incomplete format") }
    if c < 0x80 {
      spec.conversion = Unicode.Scalar(c)
    } else {
      // A non-ASCII character where the conversion belongs: decode it for the error message,
      // and move past all its bytes.
      var end = pos
      while end < fmt.count && fmt[end] & 0xC0 == 0x80 { end += 1 }
      let text = String(decoding: UnsafeBufferPointer(rebasing: fmt[(pos - 1)..<end]), as: UTF8.self)
      spec.conversion = text.unicodeScalars.first ?? "\u{FFFD}"
      pos = end
    }
    return spec
  }

  /// `unicode_format_arg_format`: the converted text, before width and sign.
  static func convert(
    _ spec: inout Spec, _ state: inout State, _ fmt: UnsafeBufferPointer<UInt8>, _ pos: Int,
    operand: (Int) -> PercentOperand, str: (Int) throws -> String, repr: (Int) throws -> String,
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
      case .int(let n), .other(_, int: _, index: let n?, float: _):
        // An int, or an object with `__index__` (`PyLong_AsLongAndOverflow`).
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
      // The index counts code points, not bytes.
      let index = String(decoding: UnsafeBufferPointer(rebasing: fmt[0..<pos]), as: UTF8.self).unicodeScalars.count - 1
      throw PythonValuesError.valueError(
        "unsupported format character '\(shown)' (0x\(String(conversion.value, radix: 16))) at index \(index)")
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
    var len = PyString.length(text)
    if (spec.width == -1 || spec.width <= len) && (spec.precision == -1 || spec.precision >= len) && !spec.plus
      && !spec.blank
    {
      return text
    }
    // Pieces of the text by code point offsets; a number's text is ASCII, so this is cheap.
    let scalars = text.unicodeScalars
    func piece(_ from: Int, _ count: Int) -> Substring {
      let start = scalars.index(scalars.startIndex, offsetBy: from)
      let end = scalars.index(start, offsetBy: count)
      return Substring(scalars[start..<end])
    }
    if spec.conversion == "s" || spec.conversion == "r" || spec.conversion == "a" {
      if spec.precision >= 0 && len > spec.precision { len = spec.precision }
    }
    let fill: Unicode.Scalar = spec.numeric && spec.zero ? "0" : " "
    var index = 0
    var signChar = ""
    var hasSign = spec.numeric
    var width = spec.width
    if hasSign {
      let first = scalars.first
      if first == "-" || first == "+" {
        signChar = String(first!)
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
    var out = ""
    out.reserveCapacity(max(width, len) + 2)
    if hasSign {
      if fill != " " { out += signChar }
      if width > len { width -= 1 }
    }
    let prefixed = spec.alternate && (spec.conversion == "x" || spec.conversion == "X" || spec.conversion == "o")
    if prefixed {
      if fill != " " {
        out += piece(index, 2)
        index += 2
      }
      width = max(0, width - 2)
      len -= 2
    }
    if width > len && !spec.leftAdjust {
      out += PyString.pad(fill, width - len)
      width = len
    }
    if fill == " " {
      if hasSign { out += signChar }
      if prefixed {
        out += piece(index, 2)
        index += 2
      }
    }
    if len > 0 { out += piece(index, len) }
    if width > len { out += PyString.pad(" ", width - len) }
    return out
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

/// The arguments hold the VM's closures and values: not `Sendable`.
@available(*, unavailable)
extension PyPercent.Arguments: Sendable {}

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
