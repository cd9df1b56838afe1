/// `json`: `dumps` and `loads` (with `JSONEncoder` and `JSONDecodeError`), written as CPython's
/// pure-Python encoder and its scanner behave, version by version (3.12 names the bad float,
/// 3.13 names a trailing comma). Checked against CPython's own `json` on every version.
enum JsonModule {
  static func make(_ m: Machine) throws -> ModuleObject {
    try SourceModule.load(m, name: "json", source: source, values: [("_lesson_minor", IntObject.make(m.version.minor))])
  }

  static let source = #"""
class JSONDecodeError(ValueError):
    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}
for _i in range(0x20):
    _ESCAPES.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        e = _ESCAPES.get(ch)
        if e is not None:
            out.append(e)
        elif ensure_ascii and ord(ch) > 127:
            n = ord(ch)
            if n < 0x10000:
                out.append('\\u{0:04x}'.format(n))
            else:
                n -= 0x10000
                out.append('\\u{0:04x}\\u{1:04x}'.format(0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff)))
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        markers = [] if self.check_circular else None
        item_separator = self.item_separator
        key_separator = self.key_separator
        ensure_ascii = self.ensure_ascii
        allow_nan = self.allow_nan
        default = self.default

        def floatstr(o):
            if o != o:
                text = 'NaN'
            elif o == float('inf'):
                text = 'Infinity'
            elif o == -float('inf'):
                text = '-Infinity'
            else:
                return float.__repr__(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON compliant" + ((": " + repr(o)) if _lesson_minor >= 12 else ""))
            return text

        def mark(o):
            if markers is not None:
                for x in markers:
                    if x is o:
                        raise ValueError("Circular reference detected")
                markers.append(o)

        def unmark(o):
            if markers is not None:
                markers.pop()

        def scalar(o):
            if isinstance(o, str):
                return _encode_str(o, ensure_ascii)
            if o is None:
                return 'null'
            if o is True:
                return 'true'
            if o is False:
                return 'false'
            if isinstance(o, int):
                return int.__repr__(o)
            if isinstance(o, float):
                return floatstr(o)
            return None

        def encode_list(lst, level, out):
            if not lst:
                out.append('[]')
                return
            mark(lst)
            out.append('[')
            if indent is not None:
                level += 1
                newline_indent = '\n' + indent * level
                separator = item_separator + newline_indent
                out.append(newline_indent)
            else:
                newline_indent = None
                separator = item_separator
            first = True
            for value in lst:
                if first:
                    first = False
                else:
                    out.append(separator)
                encode(value, level, out)
            if newline_indent is not None:
                level -= 1
                out.append('\n' + indent * level)
            out.append(']')
            unmark(lst)

        def encode_dict(dct, level, out):
            if not dct:
                out.append('{}')
                return
            mark(dct)
            out.append('{')
            if indent is not None:
                level += 1
                newline_indent = '\n' + indent * level
                item_sep = item_separator + newline_indent
                out.append(newline_indent)
            else:
                newline_indent = None
                item_sep = item_separator
            first = True
            items = sorted(dct.items()) if self.sort_keys else dct.items()
            for key, value in items:
                if isinstance(key, str):
                    pass
                elif isinstance(key, float):
                    key = floatstr(key)
                elif key is True:
                    key = 'true'
                elif key is False:
                    key = 'false'
                elif key is None:
                    key = 'null'
                elif isinstance(key, int):
                    key = int.__repr__(key)
                elif self.skipkeys:
                    continue
                else:
                    raise TypeError(f'keys must be str, int, float, bool or None, not {key.__class__.__name__}')
                if first:
                    first = False
                else:
                    out.append(item_sep)
                out.append(_encode_str(key, ensure_ascii))
                out.append(key_separator)
                encode(value, level, out)
            if newline_indent is not None:
                level -= 1
                out.append('\n' + indent * level)
            out.append('}')
            unmark(dct)

        def encode(o, level, out):
            text = scalar(o)
            if text is not None:
                out.append(text)
            elif isinstance(o, (list, tuple)):
                encode_list(o, level, out)
            elif isinstance(o, dict):
                encode_dict(o, level, out)
            else:
                mark(o)
                encode(default(o), level, out)
                unmark(o)

        out = []
        encode(o, 0, out)
        return out


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


_WS = ' \t\n\r'
_ESCAPED = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_DIGITS = '0123456789'


def _skip(s, i):
    while i < len(s) and s[i] in _WS:
        i += 1
    return i


def _hex4(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and esc[1] not in 'xX':
        try:
            return int(esc, 16)
        except ValueError:
            pass
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def _string(s, end, strict):
    begin = end - 1
    chunks = []
    while True:
        start = end
        while end < len(s) and s[end] not in '"\\' and (not strict or s[end] >= ' '):
            end += 1
        if end >= len(s):
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        chunks.append(s[start:end])
        ch = s[end]
        if ch == '"':
            return ''.join(chunks), end + 1
        if ch != '\\':
            raise JSONDecodeError("Invalid control character at", s, end)
        end += 1
        if end >= len(s):
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != 'u':
            if esc not in _ESCAPED:
                raise JSONDecodeError("Invalid \\escape", s, end - 1)
            chunks.append(_ESCAPED[esc])
            end += 1
            continue
        uni = _hex4(s, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
            uni2 = _hex4(s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        chunks.append(chr(uni))


class _Decoder:
    def __init__(self, s, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, strict):
        self.s = s
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or {'-Infinity': float('-inf'), 'Infinity': float('inf'), 'NaN': float('nan')}.__getitem__
        self.strict = strict

    def value(self, i):
        s = self.s
        if i >= len(s):
            raise StopIteration(i)
        ch = s[i]
        if ch == '"':
            return _string(s, i + 1, self.strict)
        if ch == '{':
            return self.object(i + 1)
        if ch == '[':
            return self.array(i + 1)
        if ch == 'n' and s[i:i + 4] == 'null':
            return None, i + 4
        if ch == 't' and s[i:i + 4] == 'true':
            return True, i + 4
        if ch == 'f' and s[i:i + 5] == 'false':
            return False, i + 5
        j = i
        if j < len(s) and s[j] == '-':
            j += 1
        if j < len(s) and s[j] in _DIGITS:
            if s[j] == '0':
                j += 1
            else:
                while j < len(s) and s[j] in _DIGITS:
                    j += 1
            integer_end = j
            frac = exp = ''
            if j + 1 < len(s) and s[j] == '.' and s[j + 1] in _DIGITS:
                k = j + 1
                while k < len(s) and s[k] in _DIGITS:
                    k += 1
                frac = s[j:k]
                j = k
            if j < len(s) and s[j] in 'eE':
                k = j + 1
                if k < len(s) and s[k] in '+-':
                    k += 1
                if k < len(s) and s[k] in _DIGITS:
                    while k < len(s) and s[k] in _DIGITS:
                        k += 1
                    exp = s[j:k]
                    j = k
            if frac or exp:
                return self.parse_float(s[i:integer_end] + frac + exp), j
            return self.parse_int(s[i:integer_end]), j
        if ch == 'N' and s[i:i + 3] == 'NaN':
            return self.parse_constant('NaN'), i + 3
        if ch == 'I' and s[i:i + 8] == 'Infinity':
            return self.parse_constant('Infinity'), i + 8
        if ch == '-' and s[i:i + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), i + 9
        raise StopIteration(i)

    def scan(self, i):
        try:
            return self.value(i)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", self.s, err.value) from None

    def object(self, end):
        s = self.s
        pairs = []
        end = _skip(s, end)
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar == '}':
                return self.finish_object(pairs), end + 1
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key, end = _string(s, end, self.strict)
            if s[end:end + 1] != ':':
                end = _skip(s, end)
                if s[end:end + 1] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip(s, end + 1)
            value, end = self.scan(end)
            pairs.append((key, value))
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            if nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            comma_idx = end - 1
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}' and _lesson_minor >= 13:
                raise JSONDecodeError("Illegal trailing comma before end of object", s, comma_idx)
            if nextchar != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end - 1)
        return self.finish_object(pairs), end

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj

    def array(self, end):
        s = self.s
        values = []
        end = _skip(s, end)
        if s[end:end + 1] == ']':
            return values, end + 1
        while True:
            value, end = self.scan(end)
            values.append(value)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            if nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            comma_idx = end - 1
            end = _skip(s, end)
            if s[end:end + 1] == ']' and _lesson_minor >= 13:
                raise JSONDecodeError("Illegal trailing comma before end of array", s, comma_idx)
        return values, end


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, strict=True, **kw):
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
    if s.startswith('\ufeff'):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    decoder = _Decoder(s, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, strict)
    obj, end = decoder.scan(_skip(s, 0))
    end = _skip(s, end)
    if end != len(s):
        raise JSONDecodeError("Extra data", s, end)
    return obj
"""#
}
