import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `lesson` writes, and what it knows of the terminal. Tests inject one that captures.
public struct Console: Sendable {
  /// Writes to standard output.
  public var out: @Sendable (String) -> Void
  /// Writes to standard error.
  public var err: @Sendable (String) -> Void
  /// Whether standard output is a terminal.
  public var isTerminal: Bool
  /// Whether standard error is a terminal (for progress lines).
  public var errorIsTerminal = false
  /// Whether colour may be used: only on a terminal, and never with `NO_COLOR` set.
  public var colors: Bool
  /// The width to fit output to, in columns.
  public var width: Int
  /// The current directory, against which relative paths are read.
  public var directory: String
  /// The `lesson` binary, which `grade` runs again as supervised grading workers; `nil` grades in
  /// this process.
  public var executable: String?

  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    isTerminal: Bool = false, colors: Bool = false, width: Int = 80, directory: String = "."
  ) {
    self.out = out
    self.err = err
    self.isTerminal = isTerminal
    self.colors = colors
    self.width = width
    self.directory = directory
  }

  /// The process's own standard output and error.
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> Console {
    let terminal = isatty(STDOUT_FILENO) == 1
    var width = 80
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns >= 20 {
      width = columns
    } else if terminal {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { width = Int(size.ws_col) }
    }
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
    var console = Console(
      out: { text in
        // Standard output that cannot take what lesson writes (a full disk, a closed descriptor)
        // ends the run with one line and exit 74, not a trap.
        if let failure = writeAll(STDOUT_FILENO, text) {
          _ = writeAll(STDERR_FILENO, "lesson: error: cannot write to standard output: \(failure)\n")
          exit(74)
        }
      },
      err: { text in _ = writeAll(STDERR_FILENO, text) },
      isTerminal: terminal, colors: terminal && !noColor, width: width,
      directory: FileManager.default.currentDirectoryPath)
    console.errorIsTerminal = isatty(STDERR_FILENO) == 1
    console.executable = Bundle.main.executablePath
    return console
  }

  /// Writes all of `text` to a file descriptor, as `write(2)` takes it; the system's reason when
  /// it cannot.
  static func writeAll(_ descriptor: Int32, _ text: String) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      var offset = 0
      while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        offset += written
      }
      return nil
    }
  }

  /// Writes a line to standard output.
  public func print(_ line: String = "") { out(line + "\n") }

  /// Writes a line to standard error.
  public func error(_ line: String) { err(line + "\n") }
}

/// ANSI styles, applied only when the console allows colour.
struct Style {
  let enabled: Bool

  func apply(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
  func bold(_ text: String) -> String { apply("1", text) }
  func dim(_ text: String) -> String { apply("2", text) }
  func red(_ text: String) -> String { apply("31", text) }
  func green(_ text: String) -> String { apply("32", text) }
  func yellow(_ text: String) -> String { apply("33", text) }
  func cyan(_ text: String) -> String { apply("36", text) }
}
