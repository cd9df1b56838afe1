import Foundation

/// The learners expected in a class, read from a roster file.
///
/// A roster is either a plain list of learner ids, one per line (blank lines and lines starting
/// with `#` are skipped), or a CSV file whose header names a column of ids: `login`,
/// `username`, `user`, `github_username`, `SID`, `student_id`, `id` or `email` (case, spaces,
/// `-` and `_` do not matter). When several such columns exist, the one that matches the most
/// learners found in the class folder is read (ties: the order above).
///
/// A learner matches an id when the two are equal ignoring case, or when the id is an email
/// address whose part before `@` is the learner (`bob@uni.edu` is `bob`).
public struct Roster: Sendable, Equatable {
  /// The ids, in the file's order, each once.
  public var ids: [String]
  /// The CSV column read, or `nil` for a plain list.
  public var column: String?

  /// The header names read as ids, normalised (lowercase letters and digits), in order of preference.
  public static let columns = [
    "login", "username", "user", "githubusername", "github", "sid", "studentid", "id", "email", "emailaddress",
  ]

  /// Each id by its lowercase form, then by the lowercase name of an email address.
  private var exact: [String: String] = [:]
  private var byEmailName: [String: String] = [:]

  public init(ids: [String], column: String? = nil) {
    var seen: Set<String> = []
    self.ids = ids.filter { seen.insert($0.lowercased()).inserted }
    self.column = column
    for id in self.ids {
      let lower = id.lowercased()
      exact[lower] = exact[lower] ?? id
      if let at = lower.firstIndex(of: "@") {
        byEmailName[String(lower[..<at])] = byEmailName[String(lower[..<at])] ?? id
      }
    }
  }

  /// Reads the roster at `path`.
  ///
  /// - Parameters:
  ///   - path: The roster file.
  ///   - display: The file as named in messages. The default is `path`.
  ///   - learners: The learners found in the class folder, to choose between several id columns.
  /// - Throws: ``LessonKitError`` when the file is missing, unreadable, or holds no ids.
  public static func load(at path: String, display: String? = nil, learners: [String] = [])
    throws(LessonKitError) -> Roster
  {
    let name = display ?? path
    let bytes = try InputFile.read(path, limit: 64 << 20, display: name)
    guard var text = String(validating: bytes, as: UTF8.self) else {
      throw .unreadableFile(path: name, reason: "not valid UTF-8; expected a text file of learner ids")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return try parse(text, file: name, learners: learners)
  }

  /// Parses a roster's text (see ``Roster``).
  public static func parse(_ text: String, file: String, learners: [String] = []) throws(LessonKitError) -> Roster {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    let expected = "one learner id per line, or a CSV file with a login, username, email or SID column"
    guard let first = lines.firstIndex(where: { !Self.isBlank($0) }) else {
      throw .invalidContent(path: file, field: "line 1", message: "no learner ids; expected \(expected)")
    }
    let header = String(lines[first])
    let delimiter: Character? = [",", ";", "\t"].max { a, b in
      header.count(where: { $0 == a }) < header.count(where: { $0 == b })
    }
    .flatMap { header.contains($0) ? $0 : nil }
    guard let delimiter else {
      // A plain list, perhaps under a one-word header (`login`).
      var ids: [String] = []
      for (index, line) in lines.enumerated() where index >= first && !Self.isBlank(line) {
        let id = line.trimmingCharacters(in: .whitespaces)
        if index == first, columns.contains(normalized(id)) { continue }
        ids.append(id)
      }
      guard !ids.isEmpty else {
        throw .invalidContent(path: file, field: "line \(first + 1)", message: "no learner ids; expected \(expected)")
      }
      return Roster(ids: ids)
    }
    let rows: [(line: Int, fields: [String])]
    do { rows = try CSVRows.parse(lines: lines, from: first, delimiter: delimiter) } catch {
      throw .invalidContent(path: file, field: "line \(error.line)", message: "an unclosed quote; expected \(expected)")
    }
    let names = rows[0].fields
    let known = names.indices.filter { columns.contains(normalized(names[$0])) }
    guard !known.isEmpty else {
      throw .invalidContent(
        path: file, field: "line \(first + 1)",
        message:
          "no column named login, username, email or SID (found \(names.map { "'\($0)'" }.joined(separator: ", "))); expected \(expected)"
      )
    }
    var best: (column: Int, matches: Int, preference: Int)?
    for column in known {
      let values = rows.dropFirst().compactMap { column < $0.fields.count ? $0.fields[column] : nil }
      let candidate = Roster(ids: values)
      let matches = learners.count { candidate.id(for: $0) != nil }
      let preference = columns.firstIndex(of: normalized(names[column])) ?? columns.count
      if best == nil || matches > best!.matches || (matches == best!.matches && preference < best!.preference) {
        best = (column, matches, preference)
      }
    }
    let column = best!.column
    var ids: [String] = []
    for row in rows.dropFirst() {
      guard column < row.fields.count else {
        throw .invalidContent(
          path: file, field: "line \(row.line)",
          message: "\(row.fields.count) fields; expected a value in column '\(names[column])' (field \(column + 1))")
      }
      let id = row.fields[column].trimmingCharacters(in: .whitespaces)
      if !id.isEmpty { ids.append(id) }
    }
    guard !ids.isEmpty else {
      throw .invalidContent(
        path: file, field: "column '\(names[column])'", message: "no learner ids; expected \(expected)")
    }
    return Roster(ids: ids, column: names[column])
  }

  /// The roster id that `learner` matches, if any.
  public func id(for learner: String) -> String? {
    let name = learner.lowercased()
    return exact[name] ?? byEmailName[name]
  }

  static func normalized(_ header: String) -> String {
    String(header.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  static func isBlank(_ line: Substring) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || trimmed.hasPrefix("#")
  }
}

/// A small RFC 4180 reader for rosters: quoted fields, doubled quotes, line breaks inside quotes.
enum CSVRows {
  struct Unclosed: Error {
    var line: Int
  }

  /// The non-blank rows from line `first` (0-based), each with its 1-based line number.
  static func parse(lines: [Substring], from first: Int, delimiter: Character) throws(Unclosed)
    -> [(line: Int, fields: [String])]
  {
    var rows: [(line: Int, fields: [String])] = []
    var index = first
    while index < lines.count {
      let start = index
      var fields: [String] = []
      var field = ""
      var quoted = false
      var text = Array(lines[index])
      var position = 0
      while true {
        if position == text.count {
          if quoted {
            index += 1
            guard index < lines.count else { throw Unclosed(line: start + 1) }
            field.append("\n")
            text = Array(lines[index])
            position = 0
            continue
          }
          break
        }
        let char = text[position]
        position += 1
        if quoted {
          if char == "\"" {
            if position < text.count, text[position] == "\"" {
              field.append("\"")
              position += 1
            } else {
              quoted = false
            }
          } else {
            field.append(char)
          }
        } else if char == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
          field = ""
          quoted = true
        } else if char == delimiter {
          fields.append(field)
          field = ""
        } else {
          field.append(char)
        }
      }
      fields.append(field)
      index += 1
      if fields.count == 1, fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
      rows.append((start + 1, fields))
    }
    return rows
  }
}
