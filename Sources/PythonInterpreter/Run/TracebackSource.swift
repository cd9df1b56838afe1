import AsyncioModel
import PythonSyntax

/// The source a traceback shows under a frame's `File "…", line N, in f` line, as each version's
/// `traceback` module draws it (PEP 657 from 3.11):
/// - 3.10: the line, stripped;
/// - 3.11 and 3.12 (`StackSummary.format_frame_summary`): the first line, stripped, and under it
///   `^` markers (or `~` and `^` around an operator or a subscript's brackets) where the
///   instruction's span does not cover the whole line;
/// - 3.13: every line of the span (dedented, the middle of a long one left out), with markers
///   unless they would say nothing (`x = f(...)` or `return f(...)` filling the lines), `~` and
///   `^` around a call's arguments too.
///
/// Python counts columns in code points and draws wide characters two columns wide; a line with
/// a character that may be wide, or that Python would split into lines of its own, gives `nil`.
struct TracebackSource {
  let version: PythonVersion
  /// The program's lines, without their line ends.
  let lines: [Substring]

  /// The text under the frame's header, each line ending in a newline (empty when the line is
  /// blank or past the file's end); `nil` when lesson cannot draw exactly what CPython draws:
  /// from 3.11, a frame whose span is not known (see ``Frame/span``).
  func text(line: Int, span: SourceSpan?) -> String? {
    guard version.minor >= 11 else {
      let stripped = Self.strip(scalars(line))
      return stripped.isEmpty ? "" : "    " + Self.string(stripped) + "\n"
    }
    guard let span, span.line == line, span.endLine >= span.line else {
      return Self.strip(scalars(line)).isEmpty ? "" : nil
    }
    for number in span.line...span.endLine where !Self.drawable(scalars(number)) { return nil }
    return version.minor >= 13 ? text313(span) : text311(span)
  }

  /// The text without markers, for where an approximate traceback will do (stderr, whose last
  /// line alone is compared).
  func plainText(line: Int) -> String {
    let stripped = Self.strip(scalars(line))
    return stripped.isEmpty ? "" : "    " + Self.string(stripped) + "\n"
  }

  // MARK: 3.11 and 3.12

  private func text311(_ span: SourceSpan) -> String? {
    let raw = scalars(span.line)
    let stripped = Self.strip(raw)
    if stripped.isEmpty { return "" }
    var row = "    " + Self.string(stripped) + "\n"
    // `_original_line` still has its newline: it counts among the stripped characters.
    let strippedCharacters = raw.count + 1 - stripped.count
    let start = Self.characterOffset(raw, byte: span.column)
    var end = Self.characterOffset(raw, byte: span.endColumn)
    var anchors: (left: Int, right: Int)?
    if span.line == span.endLine {
      let segment = Self.slice(raw, start, end)
      anchors = anchors311(segment)
    } else {
      end = Self.rstrip(raw).count
    }
    guard end - start < stripped.count || (anchors.map { $0.right - $0.left > 0 } ?? false) else { return row }
    row += "    " + Self.repeated(" ", start + 1 - strippedCharacters)
    if let anchors {
      row += Self.repeated("~", anchors.left) + Self.repeated("^", anchors.right - anchors.left)
        + Self.repeated("~", end - start - anchors.right)
    } else {
      row += Self.repeated("^", end - start)
    }
    return row + "\n"
  }

  /// `_extract_caret_anchors_from_line_segment` of 3.11 and 3.12: an operator, or a
  /// subscript's brackets, in a segment that is one expression.
  private func anchors311(_ segment: [Unicode.Scalar]) -> (left: Int, right: Int)? {
    guard let module = try? PythonParser.parse(Self.string(segment), version: version), module.body.count == 1,
      case .expr(let expression) = module.body[0].kind
    else { return nil }
    let normalize = { (byte: Int) in Self.characterOffset(segment, byte: byte) }
    switch expression.kind {
    case .binOp(let left, _, let right):
      let operatorStart = normalize(left.range.end.column)
      let operatorEnd = normalize(right.range.start.column)
      let operatorText = Self.slice(segment, operatorStart, operatorEnd)
      let operatorOffset = operatorText.count - Self.lstrip(operatorText).count
      var leftAnchor = left.range.end.column + operatorOffset
      var rightAnchor = leftAnchor + 1
      if operatorOffset + 1 < operatorText.count, !Self.isSpace(operatorText[operatorOffset + 1]) { rightAnchor += 1 }
      while leftAnchor < segment.count, Self.isSpace(segment[leftAnchor]) || ")#".unicodeScalars.contains(segment[leftAnchor]) {
        leftAnchor += 1
        rightAnchor += 1
      }
      return (normalize(leftAnchor), normalize(rightAnchor))
    case .subscript(let value, let slice, _):
      var leftAnchor = normalize(value.range.end.column)
      var rightAnchor = normalize(slice.range.end.column + 1)
      while leftAnchor < segment.count, Self.isSpace(segment[leftAnchor]) || segment[leftAnchor] != "[" { leftAnchor += 1 }
      while rightAnchor < segment.count, Self.isSpace(segment[rightAnchor]) || segment[rightAnchor] != "]" { rightAnchor += 1 }
      if rightAnchor < segment.count { rightAnchor += 1 }
      return (leftAnchor, rightAnchor)
    default:
      return nil
    }
  }

  // MARK: 3.13

  /// Where the `~` before the `^` ends and where the `^` end, as (line, column) in the segment.
  private struct Anchors {
    var leftLine: Int
    var left: Int
    var rightLine: Int
    var right: Int
  }

  private func text313(_ span: SourceSpan) -> String? {
    let original = (span.line...span.endLine).map { Self.rstrip(scalars($0)) }
    let dedented = Self.dedent(original)
    guard dedented.contains(where: { !Self.strip($0).isEmpty }) else { return "" }
    let count = original.count
    let firstLine = original[0]
    let lastLine = original[count - 1]
    var start = Self.characterOffset(firstLine, byte: span.column)
    var end = Self.characterOffset(lastLine, byte: span.endColumn)
    let all = dedented
    let dedentCharacters = firstLine.count - all[0].count
    start = max(0, start - dedentCharacters)
    end = max(0, end - dedentCharacters)
    // The segment: from `start` on the first line to `end` on the last.
    var joined: [Unicode.Scalar] = []
    for (index, line) in all.enumerated() {
      if index > 0 { joined.append("\n") }
      joined += line
    }
    let segment = Self.slice(joined, start, joined.count - (all[count - 1].count - end))
    let anchors = anchors313(segment)
    let show = shouldShowCarets(start: start, end: end, all: all, anchors: anchors)

    var significant: Set<Int> = [0, count - 1]
    var leftOffset = 0
    var rightOffset = 0
    var primary = "^"
    var secondary = "^"
    if let anchors {
      leftOffset = anchors.left + (anchors.leftLine == 0 ? start : 0)
      rightOffset = anchors.right + (anchors.rightLine == 0 ? start : 0)
      primary = "~"
      secondary = "^"
      for line in (anchors.leftLine - 1)...(anchors.leftLine + 1) { significant.insert(line) }
      for line in (anchors.rightLine - 1)...(anchors.rightLine + 1) { significant.insert(line) }
    }
    significant.remove(-1)
    significant.remove(count)

    var result: [[Unicode.Scalar]] = []
    func output(_ number: Int) {
      let line = all[number]
      result.append(line)
      guard show else { return }
      let spaces = line.count - Self.lstrip(line).count
      let carets = number == count - 1 ? end : line.count
      var row = ""
      for column in 0..<max(0, carets) {
        if column < spaces || (number == 0 && column < start) {
          row += " "
        } else if let anchors,
          number > anchors.leftLine || (number == anchors.leftLine && column >= leftOffset),
          number < anchors.rightLine || (number == anchors.rightLine && column < rightOffset)
        {
          row += secondary
        } else {
          row += primary
        }
      }
      result.append(Array(row.unicodeScalars))
    }
    let ordered = significant.sorted()
    for (index, number) in ordered.enumerated() {
      if index > 0 {
        let gap = number - ordered[index - 1]
        if gap == 2 {
          output(number - 1)
        } else if gap > 2 {
          result.append(Array("...<\(gap - 1) lines>...".unicodeScalars))
        }
      }
      output(number)
    }
    // `textwrap.indent(textwrap.dedent(...), '    ', lambda line: True)`.
    return Self.dedent(result).map { "    " + Self.string($0) + "\n" }.joined()
  }

  /// 3.13's `_extract_caret_anchors_from_line_segment`: a binary operator, or the brackets of
  /// a subscript or a call, in a segment of one or more lines.
  private func anchors313(_ segment: [Unicode.Scalar]) -> Anchors? {
    let source = "(\n" + Self.string(segment) + "\n)"
    guard let module = try? PythonParser.parse(source, version: version), module.body.count == 1,
      case .expr(let expression) = module.body[0].kind
    else { return nil }
    let lines = Self.splitLines(segment)
    func normalize(_ line: Int, _ byte: Int) -> Int? {
      guard line >= 0, line < lines.count else { return nil }
      return Self.characterOffset(lines[line], byte: byte)
    }
    func nextValid(_ line: Int, _ column: Int) -> (Int, Int)? {
      var line = line
      var column = column
      while line < lines.count, column >= lines[line].count {
        column = 0
        line += 1
      }
      guard line < lines.count, column < lines[line].count else { return nil }
      return (line, column)
    }
    func increment(until stop: (Unicode.Scalar) -> Bool, from position: (Int, Int)) -> (Int, Int)? {
      var (line, column) = position
      while true {
        guard line < lines.count, column < lines[line].count else { return nil }
        let character = lines[line][column]
        if character == "\\" || character == "#" {
          guard let next = nextValid(line + 1, 0) else { return nil }
          (line, column) = next
        } else if !stop(character) {
          guard let next = nextValid(line, column + 1) else { return nil }
          (line, column) = next
        } else {
          return (line, column)
        }
      }
    }
    func endOf(_ e: Expr, forceValid: Bool = true) -> (Int, Int)? {
      let line = e.range.end.line - 2
      guard let column = normalize(line, e.range.end.column) else { return nil }
      return forceValid ? nextValid(line, column) : (line, column)
    }
    switch expression.kind {
    case .binOp(let left, _, let right):
      guard let end = endOf(left),
        let (line, column) = increment(until: { !Self.isSpace($0) && $0 != ")" }, from: end)
      else { return nil }
      var rightColumn = column + 1
      if rightColumn < lines[line].count {
        let rightStartLine = right.range.start.line - 2
        let beforeRight: Bool
        if rightStartLine > line {
          beforeRight = true
        } else if let rightStart = normalize(rightStartLine, right.range.start.column) {
          beforeRight = rightColumn < rightStart
        } else {
          return nil
        }
        let character = lines[line][rightColumn]
        if beforeRight, !Self.isSpace(character), character != "\\", character != "#" { rightColumn += 1 }
      }
      return Anchors(leftLine: line, left: column, rightLine: line, right: rightColumn)
    case .subscript(let value, _, _):
      guard let end = endOf(value), let (leftLine, left) = increment(until: { $0 == "[" }, from: end),
        let (rightLine, right) = endOf(expression, forceValid: false)
      else { return nil }
      return Anchors(leftLine: leftLine, left: left, rightLine: rightLine, right: right)
    case .call(let function, _, _):
      guard let end = endOf(function), let (leftLine, left) = increment(until: { $0 == "(" }, from: end),
        let (rightLine, right) = endOf(expression, forceValid: false)
      else { return nil }
      return Anchors(leftLine: leftLine, left: left, rightLine: rightLine, right: right)
    default:
      return nil
    }
  }

  /// 3.13's `_should_show_carets`: not under `x = f(...)` or `return f(...)` whose call fills
  /// the lines; otherwise when there are anchors, or the span leaves something of the lines out.
  private func shouldShowCarets(start: Int, end: Int, all: [[Unicode.Scalar]], anchors: Anchors?) -> Bool {
    var source: [Unicode.Scalar] = []
    for (index, line) in all.enumerated() {
      if index > 0 { source.append("\n") }
      source += line
    }
    if let module = try? PythonParser.parse(Self.string(source), version: version) {
      guard let statement = module.body.first else { return false }
      var value: Expr?
      switch statement.kind {
      case .return(let returned?):
        if case .call(let function, _, _) = returned.kind, case .name = function.kind { value = returned }
      case .assign(let targets, let assigned):
        if case .call = assigned.kind, targets.count == 1, case .name = targets[0].kind { value = assigned }
      default:
        break
      }
      if let value, value.range.start.line == 1, value.range.end.line == all.count,
        value.range.start.column == start, value.range.end.column == end
      {
        return false
      }
    }
    if anchors != nil { return true }
    let before = Self.slice(all[0], 0, start)
    let after = Self.slice(all[all.count - 1], end, all[all.count - 1].count)
    return !Self.lstrip(before).isEmpty || !Self.rstrip(after).isEmpty
  }

  // MARK: Text as Python counts it

  private func scalars(_ line: Int) -> [Unicode.Scalar] {
    guard line >= 1, line <= lines.count else { return [] }
    return Array(lines[line - 1].unicodeScalars)
  }

  /// No character that may be drawn two columns wide (East Asian wide or full-width, which
  /// starts at U+1100), and none that `str.splitlines` would break the line at.
  static func drawable(_ line: [Unicode.Scalar]) -> Bool {
    line.allSatisfy { scalar in
      let value = scalar.value
      if value >= 0x1100 { return false }
      return !(value == 0x0B || value == 0x0C || value == 0x0D || (0x1C...0x1E).contains(value) || value == 0x85)
    }
  }

  /// `str.isspace()` for the characters a drawable line can hold.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: true
    default: false
    }
  }

  static func strip(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] { rstrip(lstrip(text)) }

  static func lstrip(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] { Array(text.drop(while: isSpace)) }

  static func rstrip(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var end = text.count
    while end > 0, isSpace(text[end - 1]) { end -= 1 }
    return Array(text[..<end])
  }

  /// `text[from:to]` as Python slices: clamped, empty when reversed.
  static func slice(_ text: [Unicode.Scalar], _ from: Int, _ to: Int) -> [Unicode.Scalar] {
    let lower = max(0, min(from, text.count))
    let upper = max(lower, min(to, text.count))
    return Array(text[lower..<upper])
  }

  /// `_byte_offset_to_character_offset`: how many characters the first `byte` bytes of the
  /// line's UTF-8 make (a character cut in two counts as one).
  static func characterOffset(_ line: [Unicode.Scalar], byte: Int) -> Int {
    var bytes = 0
    var characters = 0
    for scalar in line {
      if bytes >= byte { break }
      bytes += UTF8.width(scalar)
      characters += 1
    }
    return characters
  }

  /// `textwrap.dedent` of lines: the indentation (spaces and tabs) common to the lines that are
  /// not blank is taken off; blank lines become empty.
  static func dedent(_ lines: [[Unicode.Scalar]]) -> [[Unicode.Scalar]] {
    var margin: [Unicode.Scalar]?
    for line in lines where line.contains(where: { $0 != " " && $0 != "\t" }) {
      let indent = Array(line.prefix { $0 == " " || $0 == "\t" })
      guard let current = margin else {
        margin = indent
        continue
      }
      var common = 0
      while common < current.count, common < indent.count, current[common] == indent[common] { common += 1 }
      margin = Array(current[..<common])
    }
    let cut = margin?.count ?? 0
    return lines.map { line in
      line.contains(where: { $0 != " " && $0 != "\t" }) ? Array(line.dropFirst(cut)) : []
    }
  }

  static func splitLines(_ text: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
    var lines: [[Unicode.Scalar]] = []
    var current: [Unicode.Scalar] = []
    for scalar in text {
      if scalar == "\n" {
        lines.append(current)
        current = []
      } else {
        current.append(scalar)
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  static func string(_ text: [Unicode.Scalar]) -> String {
    var result = ""
    result.unicodeScalars.append(contentsOf: text)
    return result
  }

  static func repeated(_ character: String, _ count: Int) -> String {
    String(repeating: character, count: max(0, count))
  }
}
