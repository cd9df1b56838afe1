import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Single key presses from the terminal, for `watch`: the terminal is put in non-canonical mode
/// without echo while it runs, and put back as it was on every way out (Ctrl-C included).
final class KeyInput {
  private var original = termios()
  private let interrupt: DispatchSourceSignal

  /// Takes the terminal on standard input; `nil` when standard input is not a terminal.
  init?() {
    guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &original) == 0 else { return nil }
    var raw = original
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 0
      cc[Int(VTIME)] = 0
    }
    guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return nil }
    // Ctrl-C still stops watch, after the terminal is given back.
    signal(SIGINT, SIG_IGN)
    let saved = original
    interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    interrupt.setEventHandler {
      var restore = saved
      tcsetattr(STDIN_FILENO, TCSANOW, &restore)
      exit(130)
    }
    interrupt.resume()
  }

  /// Waits up to `milliseconds` for a key; returns it, or `nil`.
  func key(waiting milliseconds: Int32) -> UInt8? {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, milliseconds) > 0 else { return nil }
    var byte: UInt8 = 0
    return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
  }

  deinit {
    interrupt.cancel()
    tcsetattr(STDIN_FILENO, TCSANOW, &original)
    signal(SIGINT, SIG_DFL)
  }
}

/// What a key does in `watch`.
enum WatchKey: Equatable {
  /// `s`: stay on the lesson just passed instead of moving on.
  case stay
  /// Any other key: nothing.
  case none

  init(_ byte: UInt8) {
    self = byte == UInt8(ascii: "s") || byte == UInt8(ascii: "S") ? .stay : .none
  }
}
