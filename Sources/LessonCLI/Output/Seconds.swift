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
  static func json(_ duration: Duration) -> String {
    let micros = micros(duration)
    let magnitude = micros.magnitude
    // Written right to left into a buffer on the stack: a report of a million calls writes two
    // million of these, and most fit a small string, which needs no allocation.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
      var end = buffer.count
      func put(_ byte: UInt8) {
        end -= 1
        buffer[end] = byte
      }
      var fraction = magnitude % 1_000_000
      if fraction > 0 {
        var digits = 6
        while fraction % 10 == 0 {
          fraction /= 10
          digits -= 1
        }
        for _ in 0..<digits {
          put(UInt8(ascii: "0") + UInt8(fraction % 10))
          fraction /= 10
        }
        put(UInt8(ascii: "."))
      }
      var whole = magnitude / 1_000_000
      repeat {
        put(UInt8(ascii: "0") + UInt8(whole % 10))
        whole /= 10
      } while whole > 0
      if micros < 0 { put(UInt8(ascii: "-")) }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[end...]), as: UTF8.self)
    }
  }

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
