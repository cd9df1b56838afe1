/// Calendar arithmetic in UTC (the recordings run with `TZ=UTC`) for `time.strftime`-like text.
enum UTCTime {
  /// The broken-down time of `seconds` since the Unix epoch.
  struct Parts {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// 0 = Monday, as `tm_wday`.
    var weekday: Int
    /// 1-based day of the year, as `tm_yday`.
    var yearDay: Int
  }

  static func parts(_ seconds: Double) -> Parts {
    let whole = Int(seconds.rounded(.down))
    var days = whole / 86_400
    var rest = whole % 86_400
    if rest < 0 {
      rest += 86_400
      days -= 1
    }
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    let weekday = ((days % 7) + 7 + 3) % 7
    let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let yearDay = cumulative[month - 1] + day + (leap && month > 2 ? 1 : 0)
    return Parts(year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60,
                 weekday: weekday, yearDay: yearDay)
  }

  static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
  static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December"]

  /// glibc's `strftime` for the directives a log format uses; any other directive is refused.
  static func strftime(_ format: String, seconds: Double, _ m: Machine) throws -> String {
    if seconds.isNaN { throw valueError("Invalid value NaN (not a number)") }
    // Years 1..9999 (what every version formats alike); beyond, Python's errors vary.
    guard seconds > -62_135_596_800, seconds < 253_402_300_800 else {
      throw m.refuse("a time outside the years 1 to 9999", "Python's error for it differs between versions and platforms")
    }
    let p = parts(seconds)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    var out = ""
    var it = format.makeIterator()
    while let c = it.next() {
      guard c == "%" else {
        out.append(c)
        continue
      }
      guard let d = it.next() else {
        out.append("%")
        break
      }
      switch d {
      case "Y": out += String(p.year)
      case "y": out += two(p.year % 100)
      case "m": out += two(p.month)
      case "d": out += two(p.day)
      case "e": out += p.day < 10 ? " \(p.day)" : "\(p.day)"
      case "H": out += two(p.hour)
      case "I": out += two(p.hour % 12 == 0 ? 12 : p.hour % 12)
      case "M": out += two(p.minute)
      case "S": out += two(p.second)
      case "p": out += p.hour < 12 ? "AM" : "PM"
      case "j": out += String(repeating: "0", count: 3 - String(p.yearDay).count) + String(p.yearDay)
      case "a": out += String(dayNames[p.weekday].prefix(3))
      case "A": out += dayNames[p.weekday]
      case "b", "h": out += String(monthNames[p.month - 1].prefix(3))
      case "B": out += monthNames[p.month - 1]
      case "z": out += "+0000"
      case "Z": out += "UTC"
      case "F": out += "\(p.year)-\(two(p.month))-\(two(p.day))"
      case "T": out += "\(two(p.hour)):\(two(p.minute)):\(two(p.second))"
      case "%": out += "%"
      default:
        throw Halt.refused(line: m.learnerLine, column: m.learnerColumn, construct: "%\(d)",
                           why: "the time directive '%\(d)' is not one lesson formats yet")
      }
    }
    return out
  }
}
