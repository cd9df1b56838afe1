/// Python's `str.format` and `str.format_map`: the replacement-field grammar of CPython's
/// `Objects/stringlib/unicode_format.h`, with its errors and its order of evaluation.
///
/// The value layer parses; the VM looks values up. ``render(_:lookup:access:convert:format:)``
/// calls back, field by field, in CPython's order: a field's value is fetched, converted
/// (`!r`), then its nested spec (`{:{width}}`) is expanded, and only then is the text after it
/// parsed, so an error in a later part of the template is raised after the earlier fields ran.
///
/// ## Example Usage
///
/// ```swift
/// let text = try PyStringFormat.render(
///   "{name!r:>8}|{0:{1}}", lookup: lookup, access: access, convert: convert, format: format)
/// ```
public enum PyStringFormat {
  /// The first part of a field name: a positional index (explicit or automatic) or a keyword.
  public enum FieldKey: Sendable, Equatable {
    case index(Int)
    case keyword(String)
  }

  /// A step after the first part: `.name`, `[0]` or `[key]`.
  public enum Accessor: Sendable, Equatable {
    case attribute(String)
    case index(Int)
    case key(String)
  }

  /// The message of the `IndexError` for a positional field past the arguments.
  public static func indexErrorMessage(_ index: Int) -> String {
    "Replacement index \(index) out of range for positional args tuple"
  }

  /// `template.format(...)`.
  ///
  /// - Parameters:
  ///   - template: The format string.
  ///   - lookup: The argument for a key: `args[i]` (an `IndexError` with
  ///     ``indexErrorMessage(_:)`` when out of range) or `kwargs[name]` (a `KeyError`).
  ///   - access: `getattr(value, name)` or `value[key]`.
  ///   - convert: `repr`, `str` or `ascii` of a value, for `r`, `s` and `a`.
  ///   - format: `format(value, spec)`.
  /// - Throws: CPython's `ValueError`s (`Single '}' encountered in format string`, ...) and
  ///   whatever the callbacks throw.
  public static func render<Value>(
    _ template: String, lookup: (FieldKey) throws -> Value, access: (Value, Accessor) throws -> Value,
    convert: (Value, Unicode.Scalar) throws -> Value, format: (Value, String) throws -> String
  ) throws -> String {
    var numbering = AutoNumbering()
    return try build(
      Array(template.unicodeScalars), depth: 2, numbering: &numbering, lookup: lookup, access: access,
      convert: convert, format: format)
  }

  struct AutoNumbering {
    enum State { case initial, automatic, manual }
    var state = State.initial
    var next = 0
  }

  static func build<Value>(
    _ s: [Unicode.Scalar], depth: Int, numbering: inout AutoNumbering, lookup: (FieldKey) throws -> Value,
    access: (Value, Accessor) throws -> Value, convert: (Value, Unicode.Scalar) throws -> Value,
    format: (Value, String) throws -> String
  ) throws -> String {
    if depth <= 0 { throw PythonValuesError.valueError("Max string recursion exceeded") }
    var out = String.UnicodeScalarView()
    var pos = 0
    let end = s.count
    while pos < end {
      // Literal text up to the first brace.
      let start = pos
      var c: Unicode.Scalar = "\0"
      var markup = false
      while pos < end {
        c = s[pos]
        pos += 1
        if c == "{" || c == "}" {
          markup = true
          break
        }
      }
      let atEnd = pos >= end
      var length = pos - start
      if markup && c == "}" && (atEnd || s[pos] != "}") {
        throw PythonValuesError.valueError("Single '}' encountered in format string")
      }
      if markup && atEnd && c == "{" { throw PythonValuesError.valueError("Single '{' encountered in format string") }
      if markup && !atEnd {
        if s[pos] == c {
          pos += 1
          markup = false
        } else {
          length -= 1
        }
      }
      out.append(contentsOf: s[start..<(start + length)])
      if !markup { continue }
      // The field: name, conversion, spec.
      let nameStart = pos
      c = "\0"
      scan: while pos < end {
        c = s[pos]
        pos += 1
        switch c {
        case "{": throw PythonValuesError.valueError("unexpected '{' in field name")
        case "[":
          while pos < end && s[pos] != "]" { pos += 1 }
        case "}", ":", "!": break scan
        default: break
        }
      }
      let nameEnd = pos - 1
      var conversion: Unicode.Scalar? = nil
      var spec: ArraySlice<Unicode.Scalar> = []
      var specNeedsExpanding = false
      if c == "!" || c == ":" {
        var specParsed = false
        if c == "!" {
          if pos >= end {
            throw PythonValuesError.valueError("end of string while looking for conversion specifier")
          }
          conversion = s[pos]
          pos += 1
          if pos < end {
            let next = s[pos]
            pos += 1
            if next == "}" {
              specParsed = true
            } else if next != ":" {
              throw PythonValuesError.valueError("expected ':' after conversion specifier")
            }
          }
        }
        if !specParsed {
          let specStart = pos
          var count = 1
          var closed = false
          while pos < end {
            let k = s[pos]
            pos += 1
            if k == "{" {
              specNeedsExpanding = true
              count += 1
            } else if k == "}" {
              count -= 1
              if count == 0 {
                spec = s[specStart..<(pos - 1)]
                closed = true
                break
              }
            }
          }
          if !closed { throw PythonValuesError.valueError("unmatched '{' in format spec") }
        }
      } else if c != "}" {
        throw PythonValuesError.valueError("expected '}' before end of string")
      }
      // Evaluate: the value, its conversion, the nested spec, then the formatting.
      var value = try fieldValue(
        Array(s[nameStart..<max(nameStart, nameEnd)]), numbering: &numbering, lookup: lookup, access: access)
      if let conversion {
        guard conversion == "r" || conversion == "s" || conversion == "a" else {
          if conversion.value > 32 && conversion.value < 127 {
            throw PythonValuesError.valueError("Unknown conversion specifier \(conversion)")
          }
          throw PythonValuesError.valueError("Unknown conversion specifier \\x\(String(conversion.value, radix: 16))")
        }
        value = try convert(value, conversion)
      }
      var specText = String(String.UnicodeScalarView(spec))
      if specNeedsExpanding {
        specText = try build(
          Array(spec), depth: depth - 1, numbering: &numbering, lookup: lookup, access: access, convert: convert,
          format: format)
      }
      out.append(contentsOf: try format(value, specText).unicodeScalars)
    }
    return String(out)
  }

  /// `get_integer`: the value of all-decimal text, `nil` for empty or other text.
  static func integer(_ s: ArraySlice<Unicode.Scalar>) throws(PythonValuesError) -> Int? {
    if s.isEmpty { return nil }
    var value = 0
    for c in s {
      guard PyString.isDecimal(c), let d = BigInt.digitValue(c) else { return nil }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(d)
      if o1 || o2 { throw .valueError("Too many decimal digits in format string") }
      value = a
    }
    return value
  }

  /// `get_field_object`: the first part, automatic numbering, then each `.name` and `[key]`.
  static func fieldValue<Value>(
    _ name: [Unicode.Scalar], numbering: inout AutoNumbering, lookup: (FieldKey) throws -> Value,
    access: (Value, Accessor) throws -> Value
  ) throws -> Value {
    var i = 0
    while i < name.count && name[i] != "." && name[i] != "[" { i += 1 }
    let first = name[0..<i]
    var index = try integer(first)
    let empty = first.isEmpty
    if empty || index != nil {
      if numbering.state == .initial { numbering.state = empty ? .automatic : .manual }
      if numbering.state == .manual && empty {
        throw PythonValuesError.valueError(
          "cannot switch from manual field specification to automatic field numbering")
      }
      if numbering.state == .automatic && !empty {
        throw PythonValuesError.valueError(
          "cannot switch from automatic field numbering to manual field specification")
      }
      if empty {
        index = numbering.next
        numbering.next += 1
      }
    }
    var value = try lookup(index.map { .index($0) } ?? .keyword(String(String.UnicodeScalarView(first))))
    while i < name.count {
      let c = name[i]
      i += 1
      let part: ArraySlice<Unicode.Scalar>
      let accessor: Accessor
      if c == "." {
        let start = i
        while i < name.count && name[i] != "." && name[i] != "[" { i += 1 }
        part = name[start..<i]
        accessor = .attribute(String(String.UnicodeScalarView(part)))
      } else if c == "[" {
        let start = i
        while i < name.count && name[i] != "]" { i += 1 }
        if i >= name.count { throw PythonValuesError.valueError("Missing ']' in format string") }
        part = name[start..<i]
        i += 1
        if let n = try integer(part) {
          accessor = .index(n)
        } else {
          accessor = .key(String(String.UnicodeScalarView(part)))
        }
      } else {
        throw PythonValuesError.valueError("Only '.' or '[' may follow ']' in format field specifier")
      }
      if part.isEmpty { throw PythonValuesError.valueError("Empty attribute in format string") }
      value = try access(value, accessor)
    }
    return value
  }
}
