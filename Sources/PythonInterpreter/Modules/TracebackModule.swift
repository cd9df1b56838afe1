/// `traceback`: printing and formatting an exception as the interpreter prints an uncaught one,
/// with `limit` and `chain`. A traceback written anywhere but stderr, or kept as text, must be
/// exact: from 3.11 CPython draws `^~~` markers under each line, which lesson draws where it
/// knows the instruction's span (``TracebackSource``); a frame whose span it does not know makes
/// that case refused.
enum TracebackModule {
  static func make(_ m: Machine) throws -> ModuleObject {
    try SourceModule.load(m, name: "traceback", source: source, natives: [
      ("_lesson_chunks", { m, a in
        // (value, limit, chain, to_stderr): the chunks `format_exception` returns.
        guard let e = a[0] as? ExceptionObject else { return ListObject([StrObject("NoneType: None\n")]) }
        let limit = (a[1] as? IntObject)?.intValue
        let chain = try m.truthy(a[2])
        let toStderr = try m.truthy(a[3])
        var exact = true
        let chunks = try m.tracebackChunks(e, limit: limit, chain: chain, exact: &exact)
        if !toStderr, !exact {
          throw Halt.refused(
            line: m.learnerLine, column: m.learnerColumn, construct: "a traceback as text in Python 3.\(m.version.minor)",
            why: "CPython 3.11 and later draw ^~~ markers under a line whose span lesson does not know here "
              + "(a for or with statement, an assert, an f-string…); print it to stderr (traceback.print_exc()), or print type(e).__name__ and e")
        }
        return ListObject(chunks.map { StrObject($0) })
      }),
      ("_lesson_refuse_positions", { m, _ in
        throw Halt.refused(
          line: m.learnerLine, column: m.learnerColumn, construct: "traceback.extract_tb of a frame whose columns lesson does not know",
          why: "CPython 3.11 and later give each frame the columns of what it ran, which lesson knows for calls, "
            + "operators, subscripts, attributes, awaits and raise statements only; print the exception instead")
      }),
      ("_lesson_tb_entries", { m, a in
        // (tb): each frame from tb on, as (filename, lineno, name, line, end_lineno, colno,
        // end_colno, the frame's own traceback object); the columns are None where the span is
        // not known.
        guard let tb = a[0] as? TracebackObject else {
          if a[0] is NoneObject { return ListObject([]) }
          throw typeError("'\(m.typeName(a[0]))' object has no attribute 'tb_frame'")
        }
        if tb.incomplete { throw m.refuseTracebackThroughLibrary() }
        let none = NoneObject.shared
        return ListObject(tb.entries[tb.index...].indices.map { index in
          let entry = tb.entries[index]
          let line: String =
            entry.file == m.filename ? String(m.sourceLineShown(entry.line)) : (entry.source ?? "")
          let span = entry.span
          return TupleObject([
            StrObject(entry.file), IntObject.make(entry.line), StrObject(entry.function), StrObject(line),
            span.map { IntObject.make($0.endLine) } ?? none, span.map { IntObject.make($0.column) } ?? none,
            span.map { IntObject.make($0.endColumn) } ?? none, TracebackObject(tb.entries, index: index),
          ])
        })
      }),
      ("_lesson_format_frames", { m, a in
        // (frames, to_stderr): StackSummary.format() of frames taken from a traceback.
        var entries: [TraceEntry] = []
        for frame in try m.iterate(a[0]) {
          guard let tb = frame as? TracebackObject else {
            throw Halt.refused(
              line: m.learnerLine, column: m.learnerColumn, construct: "formatting a FrameSummary made by the program",
              why: "lesson formats the frames of a traceback it made; format the exception instead")
          }
          entries.append(tb.entries[tb.index])
        }
        var exact = true
        let chunks = m.frameChunks(entries, exact: &exact)
        if !exact, !(try m.truthy(a[1])) {
          throw Halt.refused(
            line: m.learnerLine, column: m.learnerColumn, construct: "a traceback as text in Python 3.\(m.version.minor)",
            why: "CPython 3.11 and later draw ^~~ markers under a line whose span lesson does not know here "
              + "(a for or with statement, an assert, an f-string…); print it to stderr, or print type(e).__name__ and e")
        }
        return ListObject(chunks.map { StrObject($0) })
      }),
    ])
  }

  static let source = #"""
import sys

_sentinel = object()


def _value(exc, value):
    return exc if value is _sentinel else value


def format_exception_only(exc, /, value=_sentinel):
    value = _value(exc, value)
    return _lesson_chunks(value, 0, False, False)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    return _lesson_chunks(_value(exc, value), limit, chain, False)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for chunk in _lesson_chunks(_value(exc, value), limit, chain, file is sys.stderr):
        print(chunk, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


class FrameSummary:
    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self._lesson_tb = None
        if sys.version_info >= (3, 11):
            if sys.version_info >= (3, 13):
                self.end_lineno = lineno if end_lineno is None else end_lineno
            else:
                self.end_lineno = end_lineno
            self.colno = colno
            self.end_colno = end_colno
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            return None
        return self._line.strip()


class StackSummary:
    def __init__(self, frames=()):
        self._frames = list(frames)

    def __iter__(self):
        return iter(self._frames)

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return StackSummary(self._frames[index])
        return self._frames[index]

    def __eq__(self, other):
        return self._frames == (other._frames if isinstance(other, StackSummary) else other)

    def __repr__(self):
        return repr(self._frames)

    def format(self):
        return _lesson_format_frames([frame._lesson_tb for frame in self._frames], False)


def extract_tb(tb, limit=None):
    return _lesson_extract(tb, limit, True)


def _lesson_extract(tb, limit, exact):
    frames = []
    for filename, lineno, name, line, end_lineno, colno, end_colno, own in _lesson_tb_entries(tb):
        if exact and colno is None and sys.version_info >= (3, 11):
            _lesson_refuse_positions()
        frame = FrameSummary(filename, lineno, name, line=line, end_lineno=end_lineno, colno=colno,
                             end_colno=end_colno)
        frame._lesson_tb = own
        frames.append(frame)
    if limit is not None:
        frames = frames[:limit] if limit >= 0 else frames[limit:]
    return StackSummary(frames)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def format_list(extracted_list):
    return StackSummary(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    frames = _lesson_extract(tb, limit, file is not sys.stderr)
    for item in _lesson_format_frames([frame._lesson_tb for frame in frames], file is sys.stderr):
        print(item, file=file, end="")
"""#
}
