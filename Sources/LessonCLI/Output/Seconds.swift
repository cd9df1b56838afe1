import LessonKit

/// Formats durations as seconds to the microsecond, the unit of configurations and reports.
enum Seconds {
  /// Whole microseconds in `duration`, rounded.
  static func micros(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    // Saturates rather than overflows: a program may sleep for longer than Int64 microseconds hold.
    let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
    if overflow { return seconds < 0 ? .min : .max }
    let (sum, over) = whole.addingReportingOverflow((attoseconds + 500_000_000_000) / 1_000_000_000_000)
    return over ? (whole < 0 ? .min : .max) : sum
  }

  /// The shortest decimal form: `0.4`, `1`, `0.000001`.
  static func json(_ duration: Duration) -> String { JSONOutput.seconds(microseconds: micros(duration)) }

  /// A fixed three decimals, for reading: `0.400`.
  static func fixed(_ duration: Duration, decimals: Int = 3) -> String {
    let micros = micros(duration)
    let scale = Int64([1, 10, 100, 1_000, 10_000, 100_000, 1_000_000][max(0, min(6, decimals))])
    let step = 1_000_000 / scale  // microseconds per unit shown
    let units = micros / step + (micros % step * 2 >= step ? 1 : 0)
    let whole = units / scale
    guard decimals > 0 else { return String(whole) }
    var fraction = String(units % scale)
    fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
    return "\(whole).\(fraction)"
  }
}
