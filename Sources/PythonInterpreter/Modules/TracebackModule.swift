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
"""#
}
