import Foundation
import LessonKit

/// The scripts of a Gradescope autograder for one lesson.
///
/// Gradescope unpacks the zip into `/autograder/source`, runs `setup.sh` once when it builds the
/// image, then `run_autograder` for each submission, with the learner's files in
/// `/autograder/submission` and `submission_metadata.json` beside it, and reads
/// `/autograder/results/results.json`. Both scripts take `/autograder` from `AUTOGRADER_ROOT`
/// when it is set (`$AUTOGRADER_ROOT/autograder/...`), so tests run them in a temporary folder.
struct GradescopeAutograder {
  let course: Course
  let lesson: Int
  /// The lesson's maximum score, for a results.json written when `lesson` itself cannot run.
  let maxScore: Int
  /// The files a learner hands in for the lesson (`more_tools3.json`, `async_batch.py`).
  let files: [String]

  /// The files, for a message: `a.json or b.py`.
  var handIn: String { files.joined(separator: " or ") }

  var setup: String {
    """
    #!/usr/bin/env bash
    # Gradescope autograder for lesson \(lesson) of \(Self.comment(course.title)), made by
    # 'lesson autograder gradescope \(lesson)'. Gradescope runs this once, when it builds the image.
    # lesson needs nothing installed (its Swift runtime is inside the binary): this only checks that
    # it runs here.
    set -euo pipefail
    source_dir="${AUTOGRADER_ROOT:-}/autograder/source"
    chmod +x "$source_dir/lesson" "$source_dir/run_autograder"
    "$source_dir/lesson" list --course "$source_dir" --workspace "${TMPDIR:-/tmp}/lesson-setup-workspace" > /dev/null

    """
  }

  var runAutograder: String {
    """
    #!/usr/bin/env bash
    # Gradescope autograder for lesson \(lesson) of \(Self.comment(course.title)), made by
    # 'lesson autograder gradescope \(lesson)'. Gradescope runs this for each submission: it grades
    # /autograder/submission and writes /autograder/results/results.json (score, max_score, tests).
    # AUTOGRADER_ROOT, when set, stands for the folder that holds autograder/ (for tests).
    set -uo pipefail
    root="${AUTOGRADER_ROOT:-}/autograder"
    source_dir="$root/source"
    results="$root/results"
    mkdir -p "$results"

    # The learner: the first user's email before the @ in submission_metadata.json, or "submission".
    learner=submission
    if [ -f "$root/submission_metadata.json" ]; then
      email=$(grep -o '"email"[[:space:]]*:[[:space:]]*"[^"]*"' "$root/submission_metadata.json" | head -n 1 \\
        | sed 's/.*"\\([^"]*\\)"$/\\1/')
      name=$(printf '%s' "${email%%@*}" | tr -c 'A-Za-z0-9._-' '_')
      if [ -n "$name" ]; then learner=$name; fi
    fi

    rm -f "$results/results.json"
    "$source_dir/lesson" grade \(lesson) "$root/submission" --course "$source_dir" --learner "$learner" \\
      --format gradescope --output "$results/results.json" 2> "$results/lesson-stderr.txt"
    code=$?
    cat "$results/lesson-stderr.txt" >&2
    # 0 (passed) and 1 (mistakes) wrote results.json. Anything else (no file for the lesson at all,
    # say) is told to the learner in a results.json of its own.
    if [ "$code" -gt 1 ] || [ ! -s "$results/results.json" ]; then
      reason=$(head -c 2000 "$results/lesson-stderr.txt" | tr '\\000-\\037' ' ' | sed 's/\\\\/\\\\\\\\/g; s/"/\\\\"/g')
      if [ "$code" -eq 66 ]; then
        reason="no file for this lesson was found in your submission; hand in \(handIn). (${reason})"
      fi
      printf '{"score": 0, "max_score": %d, "output": "Your submission could not be graded for lesson %d (exit %d): %s", "tests": []}\\n' \\
        \(maxScore) \(lesson) "$code" "$reason" > "$results/results.json"
    fi
    exit 0

    """
  }

  /// Why `binary` may not run on Gradescope (Linux, no Swift installed), or `nil`.
  static func portabilityProblem(_ binary: Data) -> String? {
    guard binary.starts(with: [0x7F, 0x45, 0x4C, 0x46]) else {
      return "not a Linux (ELF) program, so it cannot run on Gradescope; pack the one .ci/release makes on Linux"
    }
    let needed = neededLibraries(binary)
    let swift =
      needed.first { $0.hasPrefix("libswiftCore.") }
      ?? needed.first { $0.hasPrefix("libswift") || $0.hasPrefix("libFoundation") }
    if let swift {
      return
        "it needs the Swift libraries (\(swift)), which Gradescope does not have; pack the static one .ci/release makes (dist/lesson)"
    }
    return nil
  }

  /// The shared libraries a 64-bit little-endian ELF program names as needed (`DT_NEEDED`), in
  /// order; empty for anything else or anything malformed.
  static func neededLibraries(_ binary: Data) -> [String] {
    let bytes = [UInt8](binary)
    guard bytes.count >= 64, bytes[4] == 2, bytes[5] == 1 else { return [] }
    func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
    func u64(_ at: Int) -> Int? {
      guard at >= 0, at + 8 <= bytes.count else { return nil }
      var value: UInt64 = 0
      for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[at + index]) }
      return value > UInt64(Int.max) ? nil : Int(value)
    }
    guard let headers = u64(32), let size = u16(54), let count = u16(56) else { return [] }
    var loads: [(address: Int, offset: Int, size: Int)] = []
    var dynamic: (offset: Int, size: Int)?
    for index in 0..<count {
      let header = headers + index * size
      guard let type = u16(header), let offset = u64(header + 8), let address = u64(header + 16),
        let fileSize = u64(header + 32)
      else { return [] }
      if type == 1 { loads.append((address, offset, fileSize)) }
      if type == 2 { dynamic = (offset, fileSize) }
    }
    guard let dynamic else { return [] }
    var needed: [Int] = []
    var strings: Int?
    for entry in stride(from: dynamic.offset, to: dynamic.offset + dynamic.size, by: 16) {
      guard let tag = u64(entry), let value = u64(entry + 8) else { break }
      if tag == 0 { break }
      if tag == 1 { needed.append(value) }
      if tag == 5 { strings = value }
    }
    guard let strings,
      let load = loads.first(where: { $0.address <= strings && strings < $0.address + $0.size })
    else { return [] }
    let table = strings - load.address + load.offset
    return needed.compactMap { start in
      guard table + start < bytes.count else { return nil }
      let name = bytes[(table + start)...].prefix { $0 != 0 }
      return String(decoding: name, as: UTF8.self)
    }
  }

  /// Text for a shell comment: one line.
  static func comment(_ text: String) -> String {
    "\"" + String(text.map { $0.isNewline ? " " : $0 }) + "\""
  }
}
