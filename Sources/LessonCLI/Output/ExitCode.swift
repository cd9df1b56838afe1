/// The exit codes of `lesson`, after BSD `sysexits`.
public struct ExitCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
  public var rawValue: Int32
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// It ran and everything passed (or help was shown).
  public static let success = ExitCode(rawValue: 0)
  /// It ran and found mistakes: a failing check or a failing learner.
  public static let failure = ExitCode(rawValue: 1)
  /// The command line is wrong.
  public static let usage = ExitCode(rawValue: 64)
  /// An input file is not valid.
  public static let invalidInput = ExitCode(rawValue: 65)
  /// An input file does not exist.
  public static let missingInput = ExitCode(rawValue: 66)
  /// The run was interrupted (Ctrl-C): 128 + SIGINT, as shells report it.
  public static let interrupted = ExitCode(rawValue: 130)
  /// An output file could not be written.
  public static let cannotWrite = ExitCode(rawValue: 73)

  public var description: String { String(rawValue) }
}
