/// A parsed format specification: the mini-language of `format(value, spec)`, f-strings and
/// `str.format`.
///
/// ```
/// [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
/// ```
/// Parsing follows CPython's `parse_internal_render_format_spec`, errors included; `z` is an
/// option from 3.11 (in 3.10 it is read as a type code).
public struct FormatSpec: Sendable, Equatable {
  /// The separator between groups of digits.
  public enum Grouping: Sendable, Equatable {
    /// `,` every three digits.
    case comma
    /// `_` every three digits, or every four for `b o x X`.
    case underscore
  }

  public var fill: Unicode.Scalar = " "
  /// `<`, `>`, `^` or `=`; the type's default when absent.
  public var align: Unicode.Scalar
  /// `+`, `-` or ` `; `nil` when absent.
  public var sign: Unicode.Scalar?
  public var noNegativeZero = false
  public var alternate = false
  public var width: Int?
  public var grouping: Grouping?
  public var precision: Int?
  /// The presentation type; `nil` when absent.
  public var type: Unicode.Scalar?

  /// Parses `spec` for a value of type `typeName`.
  ///
  /// - Parameters:
  ///   - spec: The text after the `:`.
  ///   - typeName: The value's type name, for messages (`int`, `float`, `str`, `bool`).
  ///   - defaultAlign: `>` for numbers, `<` for strings.
  ///   - defaultType: The type when the spec names none: `d` for int, `s` for str, none for float.
  ///   - release: The release whose grammar and messages to follow.
  /// - Throws: CPython's `ValueError`s: `Invalid format specifier`, `Format specifier missing
  ///   precision`, `Cannot specify both ',' and '_'.`, `Cannot specify ',' with 'x'.`,
  ///   `Too many decimal digits in format string`.
  public init(
    parsing spec: String, typeName: String, defaultAlign: Unicode.Scalar, defaultType: Unicode.Scalar? = nil,
    release: PythonRelease
  ) throws(PythonValuesError) {
    align = defaultAlign
    let s = Array(spec.unicodeScalars)
    var pos = 0
    let end = s.count
    var fillSpecified = false
    var alignSpecified = false
    func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "^" || c == "=" }
    if end - pos >= 2 && isAlign(s[pos + 1]) {
      align = s[pos + 1]
      fill = s[pos]
      fillSpecified = true
      alignSpecified = true
      pos += 2
    } else if end - pos >= 1 && isAlign(s[pos]) {
      align = s[pos]
      alignSpecified = true
      pos += 1
    }
    if pos < end && (s[pos] == "+" || s[pos] == "-" || s[pos] == " ") {
      sign = s[pos]
      pos += 1
    }
    if release >= .v3_11 && pos < end && s[pos] == "z" {
      noNegativeZero = true
      pos += 1
    }
    if pos < end && s[pos] == "#" {
      alternate = true
      pos += 1
    }
    if !fillSpecified && pos < end && s[pos] == "0" {
      fill = "0"
      if !alignSpecified && defaultAlign == ">" { align = "=" }
      pos += 1
    }
    width = try Self.integer(s, &pos)
    if pos < end && s[pos] == "," {
      grouping = .comma
      pos += 1
    }
    if pos < end && s[pos] == "_" {
      if grouping != nil { throw .valueError("Cannot specify both ',' and '_'.") }
      grouping = .underscore
      pos += 1
    }
    if pos < end && s[pos] == "," && grouping == .underscore {
      throw .valueError("Cannot specify both ',' and '_'.")
    }
    if pos < end && s[pos] == "." {
      pos += 1
      guard let p = try Self.integer(s, &pos) else { throw .valueError("Format specifier missing precision") }
      precision = p
    }
    if end - pos > 1 {
      throw .valueError(FormatSpecMessages.invalid(spec: spec, typeName: typeName, release: release))
    }
    if end - pos == 1 {
      type = s[pos]
    }
    if let grouping {
      let t = (type ?? defaultType).map { Character($0) }
      let underscoreInBase = grouping == .underscore && (t == "b" || t == "o" || t == "x" || t == "X")
      switch t {
      case "d", "e", "f", "g", "E", "G", "%", "F", nil: break
      case _ where underscoreInBase: break
      default:
        let g = grouping == .comma ? "," : "_"
        let shown = (type ?? defaultType)!
        if shown.value > 32 && shown.value < 128 {
          throw .valueError("Cannot specify '\(g)' with '\(shown)'.")
        }
        throw .valueError("Cannot specify '\(g)' with '\\x\(String(shown.value, radix: 16))'.")
      }
    }
  }

  /// `get_integer`: digits (Unicode decimals too) or `nil` when there are none.
  private static func integer(_ s: [Unicode.Scalar], _ pos: inout Int) throws(PythonValuesError) -> Int? {
    var value = 0
    var any = false
    while pos < s.count, PyString.isDecimal(s[pos]), let d = BigInt.digitValue(s[pos]) {
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(d)
      if o1 || o2 { throw .valueError("Too many decimal digits in format string") }
      value = a
      any = true
      pos += 1
    }
    return any ? value : nil
  }

  /// `unknown_presentation_type`.
  static func unknownType(_ type: Unicode.Scalar, _ typeName: String) -> PythonValuesError {
    if type.value > 32 && type.value < 128 {
      return .valueError("Unknown format code '\(type)' for object of type '\(typeName)'")
    }
    return .valueError("Unknown format code '\\x\(String(type.value, radix: 16))' for object of type '\(typeName)'")
  }
}

extension FormatSpec {
  /// A spec as a `str` reads it (left-aligned, type `s`): parse once, format many times with
  /// `PyFormat.format(_:parsed:typeName:)`.
  public static func forString(_ spec: String, typeName: String = "str", release: PythonRelease = .default)
    throws(PythonValuesError) -> FormatSpec
  {
    try FormatSpec(parsing: spec, typeName: typeName, defaultAlign: "<", defaultType: "s", release: release)
  }

  /// A spec as an `int` (or `bool`) reads it: right-aligned, type `d`.
  public static func forInt(_ spec: String, typeName: String = "int", release: PythonRelease = .default)
    throws(PythonValuesError) -> FormatSpec
  {
    try FormatSpec(parsing: spec, typeName: typeName, defaultAlign: ">", defaultType: "d", release: release)
  }

  /// A spec as a `float` reads it: right-aligned, no type.
  public static func forFloat(_ spec: String, typeName: String = "float", release: PythonRelease = .default)
    throws(PythonValuesError) -> FormatSpec
  {
    try FormatSpec(parsing: spec, typeName: typeName, defaultAlign: ">", release: release)
  }
}

/// Messages of the format-spec mini-language that changed between releases.
public enum FormatSpecMessages {
  /// More than one character left where the type belongs: 3.10 says only
  /// `Invalid format specifier`; 3.11 and later quote the spec and the type.
  public static func invalid(spec: String, typeName: String, release: PythonRelease) -> String {
    release >= .v3_11
      ? "Invalid format specifier '\(spec)' for object of type '\(typeName)'" : "Invalid format specifier"
  }
}
