/// The CPython minor release whose behaviour a value algorithm follows (3.10 to 3.13).
///
/// Only a few value behaviours depend on it; each lives in one place named for it:
/// ``IntDigitsLimit``, ``ZeroDivisionMessages``, ``FormatSpecMessages`` and the `z` option of
/// ``FormatSpec``.
public struct PythonRelease: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The minor version: 10 for Python 3.10.
  public let minor: Int

  public init(minor: Int) { self.minor = minor }

  public static let v3_10 = PythonRelease(minor: 10)
  public static let v3_11 = PythonRelease(minor: 11)
  public static let v3_12 = PythonRelease(minor: 12)
  public static let v3_13 = PythonRelease(minor: 13)
  /// The release followed when nobody chose one.
  public static let `default` = v3_13

  public static func < (a: PythonRelease, b: PythonRelease) -> Bool { a.minor < b.minor }
  public var description: String { "3.\(minor)" }
}

/// CPython's limit on converting between `int` and decimal text (CVE-2020-10735).
///
/// Present in every recorded release (3.10.13 has the back-ported limit); only the wording
/// changed: 3.10 says `(4300)`, 3.11 and later `(4300 digits)`.
public enum IntDigitsLimit {
  /// `sys.int_info.default_max_str_digits`.
  public static let defaultDigits = 4300

  /// The message of `str(n)` for an `n` with more digits than the limit.
  public static func toStringMessage(limit: Int, release: PythonRelease) -> String {
    "Exceeds the limit (\(limit)\(release >= .v3_11 ? " digits" : "")) for integer string conversion; "
      + "use sys.set_int_max_str_digits() to increase the limit"
  }

  /// The message of `int(s)` for an `s` with `digits` digits, more than the limit.
  public static func fromStringMessage(limit: Int, digits: Int, release: PythonRelease) -> String {
    "Exceeds the limit (\(limit)\(release >= .v3_11 ? " digits" : "")) for integer string conversion: "
      + "value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit"
  }
}

/// The messages of `ZeroDivisionError` for integers, which changed in 3.11.
public enum ZeroDivisionMessages {
  /// `a // 0` and `divmod(a, 0)`.
  public static let floorDivide = "integer division or modulo by zero"
  /// `a % 0`: 3.10 shares the floor-division message; 3.11 and later say modulo alone.
  public static func modulo(_ release: PythonRelease) -> String {
    release >= .v3_11 ? "integer modulo by zero" : "integer division or modulo by zero"
  }
  /// `a / 0` for ints.
  public static let trueDivide = "division by zero"
  /// `x / 0.0` for floats.
  public static let floatDivide = "float division by zero"
  /// `x // 0.0` for floats.
  public static let floatFloorDivide = "float floor division by zero"
  /// `divmod(x, 0.0)` for floats.
  public static let floatDivmod = "float divmod()"
  /// `x % 0.0`: 3.13 added "by zero".
  public static func floatModulo(_ release: PythonRelease) -> String {
    release >= .v3_13 ? "float modulo by zero" : "float modulo"
  }
}
