import Foundation

/// A zip archive built in memory, its files stored (not compressed), as every unzip reads.
///
/// Only what an autograder needs: regular files with Unix permissions, fixed timestamps (so the
/// same inputs give the same bytes), no folders entries (unzip makes them from the paths), no
/// ZIP64 (each file and the whole archive under 4 GiB).
struct ZipArchive {
  struct Entry {
    var path: String
    var data: Data
    /// Unix permissions, such as `0o755` for a program.
    var mode: UInt32
  }

  private(set) var entries: [Entry] = []

  mutating func add(_ path: String, _ data: Data, mode: UInt32 = 0o644) {
    entries.append(Entry(path: path, data: data, mode: mode))
  }

  /// The archive's bytes.
  ///
  /// - Throws: ``ZipArchive/TooLarge`` when a file or the archive would need ZIP64.
  func bytes() throws(TooLarge) -> Data {
    var out = Data()
    var central = Data()
    // 1980-01-01 00:00, the earliest MS-DOS date.
    let dosTime: UInt16 = 0
    let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    for entry in entries {
      let name = Data(entry.path.utf8)
      guard entry.data.count < 0xFFFF_FFFF, out.count < 0xFFFF_FFFF else { throw TooLarge(path: entry.path) }
      let offset = UInt32(out.count)
      let crc = Self.crc32(entry.data)
      let size = UInt32(entry.data.count)
      // Local file header.
      out.append(le32: 0x0403_4B50)
      out.append(le16: 20)  // version needed: 2.0
      out.append(le16: 0x0800)  // flags: the name is UTF-8
      out.append(le16: 0)  // method: stored
      out.append(le16: dosTime)
      out.append(le16: dosDate)
      out.append(le32: crc)
      out.append(le32: size)
      out.append(le32: size)
      out.append(le16: UInt16(name.count))
      out.append(le16: 0)
      out.append(name)
      out.append(entry.data)
      // Central directory header.
      central.append(le32: 0x0201_4B50)
      central.append(le16: (3 << 8) | 20)  // made by: Unix, 2.0
      central.append(le16: 20)
      central.append(le16: 0x0800)
      central.append(le16: 0)
      central.append(le16: dosTime)
      central.append(le16: dosDate)
      central.append(le32: crc)
      central.append(le32: size)
      central.append(le32: size)
      central.append(le16: UInt16(name.count))
      central.append(le16: 0)  // extra
      central.append(le16: 0)  // comment
      central.append(le16: 0)  // disk
      central.append(le16: 0)  // internal attributes
      central.append(le32: (0o100000 | entry.mode) << 16)  // external: a regular file and its mode
      central.append(le32: offset)
      central.append(name)
    }
    guard out.count + central.count < 0xFFFF_FFFF, entries.count < 0xFFFF else {
      throw TooLarge(path: entries.last?.path ?? "")
    }
    let start = UInt32(out.count)
    out.append(central)
    // End of central directory.
    out.append(le32: 0x0605_4B50)
    out.append(le16: 0)
    out.append(le16: 0)
    out.append(le16: UInt16(entries.count))
    out.append(le16: UInt16(entries.count))
    out.append(le32: UInt32(central.count))
    out.append(le32: start)
    out.append(le16: 0)
    return out
  }

  /// A file or an archive too large for a zip without ZIP64.
  struct TooLarge: Error {
    var path: String
  }

  /// The CRC-32 of zip (and gzip, PNG): polynomial 0xEDB88320, reflected.
  static func crc32(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    data.withUnsafeBytes { bytes in
      for byte in bytes {
        crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
      }
    }
    return crc ^ 0xFFFF_FFFF
  }

  private static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }
}

extension Data {
  fileprivate mutating func append(le16 value: UInt16) {
    append(UInt8(value & 0xFF))
    append(UInt8(value >> 8))
  }

  fileprivate mutating func append(le32 value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }
}
