import AsyncioModel

/// Small pure modules of the standard library, from Python source that follows CPython's
/// (`bisect` and `heapq` are written in Python in CPython too, with C accelerators that behave
/// the same; `operator`'s getters likewise).
enum SmallModules {
  static func module(_ m: Machine, _ name: String, _ source: String) throws -> ModuleObject {
    let mod = ModuleObject(name)
    try SourceModules.run(m, source, in: mod)
    return mod
  }

  /// `operator`, as CPython's `operator.py` defines it (its C accelerator `_operator` behaves
  /// the same for everything here).
  static let operatorModule = #"""
    def lt(a, b): return a < b
    def le(a, b): return a <= b
    def eq(a, b): return a == b
    def ne(a, b): return a != b
    def ge(a, b): return a >= b
    def gt(a, b): return a > b
    def not_(a): return not a
    def truth(a): return True if a else False
    def is_(a, b): return a is b
    def is_not(a, b): return a is not b
    _abs = abs
    def abs(a): return _abs(a)
    def add(a, b): return a + b
    def and_(a, b): return a & b
    def floordiv(a, b): return a // b
    def index(a): return a.__index__()
    def inv(a): return ~a
    invert = inv
    def lshift(a, b): return a << b
    def mod(a, b): return a % b
    def mul(a, b): return a * b
    def matmul(a, b): return a @ b
    def neg(a): return -a
    def or_(a, b): return a | b
    def pos(a): return +a
    def pow(a, b): return a ** b
    def rshift(a, b): return a >> b
    def sub(a, b): return a - b
    def truediv(a, b): return a / b
    def xor(a, b): return a ^ b
    def concat(a, b):
        if not hasattr(a, '__getitem__'):
            msg = "'%s' object can't be concatenated" % type(a).__name__
            raise TypeError(msg)
        return a + b
    def contains(a, b): return b in a
    def countOf(a, b): return sum(1 for i in a if i is b or i == b)
    def delitem(a, b): del a[b]
    def getitem(a, b): return a[b]
    def indexOf(a, b):
        for i, j in enumerate(a):
            if j is b or j == b:
                return i
        else:
            raise ValueError('sequence.index(x): x not in sequence')
    def setitem(a, b, c): a[b] = c
    def iadd(a, b):
        a += b
        return a
    def isub(a, b):
        a -= b
        return a
    def imul(a, b):
        a *= b
        return a
    def iconcat(a, b):
        a += b
        return a

    class attrgetter:
        __slots__ = ('_attrs', '_call')

        def __init__(self, attr, *attrs):
            if not attrs:
                if not isinstance(attr, str):
                    raise TypeError('attribute name must be a string')
                self._attrs = (attr,)
                names = attr.split('.')
                def func(obj):
                    for name in names:
                        obj = getattr(obj, name)
                    return obj
                self._call = func
            else:
                self._attrs = (attr,) + attrs
                getters = tuple(map(attrgetter, self._attrs))
                def func(obj):
                    return tuple(getter(obj) for getter in getters)
                self._call = func

        def __call__(self, obj):
            return self._call(obj)

        def __repr__(self):
            return 'operator.attrgetter(%s)' % ', '.join(map(repr, self._attrs))

    class itemgetter:
        __slots__ = ('_items', '_call')

        def __init__(self, item, *items):
            if not items:
                self._items = (item,)
                def func(obj):
                    return obj[item]
                self._call = func
            else:
                self._items = items = (item,) + items
                def func(obj):
                    return tuple(obj[i] for i in items)
                self._call = func

        def __call__(self, obj):
            return self._call(obj)

        def __repr__(self):
            return 'operator.itemgetter(%s)' % ', '.join(map(repr, self._items))

    class methodcaller:
        __slots__ = ('_name', '_args', '_kwargs')

        def __init__(self, name, /, *args, **kwargs):
            self._name = name
            if not isinstance(self._name, str):
                raise TypeError('method name must be a string')
            self._args = args
            self._kwargs = kwargs

        def __call__(self, obj):
            return getattr(obj, self._name)(*self._args, **self._kwargs)

        def __repr__(self):
            args = [repr(self._name)]
            args.extend(map(repr, self._args))
            args.extend('%s=%r' % (k, v) for k, v in self._kwargs.items())
            return 'operator.methodcaller(%s)' % ', '.join(args)

    __lt__ = lt; __le__ = le; __eq__ = eq; __ne__ = ne; __ge__ = ge; __gt__ = gt
    __add__ = add; __sub__ = sub; __mul__ = mul; __truediv__ = truediv; __floordiv__ = floordiv
    __mod__ = mod; __neg__ = neg; __getitem__ = getitem; __contains__ = contains
    """#

  /// `types.SimpleNamespace`, as CPython's C type behaves (`namespace(a=1)`).
  /// `concurrent.futures._base`'s constants and exceptions: its `TimeoutError` is the built-in
  /// one from 3.11, a class of its own before.
  static func futuresBase(_ version: PythonVersion) -> String {
    let timeout =
      version.minor >= 11
      ? ["TimeoutError = TimeoutError"]
      : ["class TimeoutError(Error):", "    \"\"\"The operation exceeded the given deadline.\"\"\"", "    pass"]
    return ([
      "FIRST_COMPLETED = 'FIRST_COMPLETED'",
      "FIRST_EXCEPTION = 'FIRST_EXCEPTION'",
      "ALL_COMPLETED = 'ALL_COMPLETED'",
      "class Error(Exception):",
      "    \"\"\"Base class for all future-related exceptions.\"\"\"",
      "    pass",
      "class CancelledError(Error):",
      "    \"\"\"The Future was cancelled.\"\"\"",
      "    pass",
    ] + timeout + [
      "class InvalidStateError(Error):",
      "    \"\"\"The operation is not allowed in this state.\"\"\"",
      "    pass",
      "class BrokenExecutor(RuntimeError):",
      "    \"\"\"",
      "    Raised when a executor has become non-functional after a severe failure.",
      "    \"\"\"",
    ]).joined(separator: "\n") + "\n"
  }

  /// `os`, its constants only: everything else of it reaches the machine.
  static let os = #"""
    name = 'posix'
    sep = '/'
    altsep = None
    extsep = '.'
    pathsep = ':'
    linesep = '\n'
    curdir = '.'
    pardir = '..'
    devnull = '/dev/null'
    """#

  /// `os.path` (`posixpath`): the functions that compute on the text of a path, as
  /// `posixpath.py` writes them, for `str` paths.
  static let posixpath = #"""
    sep = '/'
    curdir = '.'
    pardir = '..'
    extsep = '.'

    def _check(p):
        if not isinstance(p, str):
            raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")

    def basename(p):
        _check(p)
        i = p.rfind('/') + 1
        return p[i:]

    def dirname(p):
        _check(p)
        i = p.rfind('/') + 1
        head = p[:i]
        if head and head != '/' * len(head):
            head = head.rstrip('/')
        return head

    def split(p):
        _check(p)
        i = p.rfind('/') + 1
        head, tail = p[:i], p[i:]
        if head and head != '/' * len(head):
            head = head.rstrip('/')
        return head, tail

    def splitext(p):
        _check(p)
        sepIndex = p.rfind('/')
        dotIndex = p.rfind('.')
        if dotIndex > sepIndex:
            filenameIndex = sepIndex + 1
            while filenameIndex < dotIndex:
                if p[filenameIndex:filenameIndex + 1] != '.':
                    return p[:dotIndex], p[dotIndex:]
                filenameIndex += 1
        return p, p[:0]

    def join(a, *p):
        _check(a)
        path = a
        for b in p:
            _check(b)
            if b.startswith('/'):
                path = b
            elif not path or path.endswith('/'):
                path += b
            else:
                path += '/' + b
        return path

    def isabs(s):
        _check(s)
        return s.startswith('/')

    def normcase(s):
        _check(s)
        return s
    """#

  static let types = #"""
    class SimpleNamespace:
        def __init__(self, /, **kwargs):
            self.__dict__.update(kwargs)

        def __repr__(self):
            name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
            return "{}({})".format(name, ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items()))

        def __eq__(self, other):
            if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
                return self.__dict__ == other.__dict__
            return NotImplemented
    """#

  static let string = #"""
    whitespace = ' \t\n\r\v\f'
    ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
    ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    ascii_letters = ascii_lowercase + ascii_uppercase
    digits = '0123456789'
    hexdigits = digits + 'abcdef' + 'ABCDEF'
    octdigits = '01234567'
    punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
    printable = digits + ascii_letters + punctuation + whitespace

    def capwords(s, sep=None):
        return (sep or ' ').join(map(str.capitalize, s.split(sep)))
    """#

  static let bisect = #"""
    def insort_right(a, x, lo=0, hi=None, *, key=None):
        if key is None:
            lo = bisect_right(a, x, lo, hi)
        else:
            lo = bisect_right(a, key(x), lo, hi, key=key)
        a.insert(lo, x)

    def bisect_right(a, x, lo=0, hi=None, *, key=None):
        if lo < 0:
            raise ValueError('lo must be non-negative')
        if hi is None:
            hi = len(a)
        if key is None:
            while lo < hi:
                mid = (lo + hi) // 2
                if x < a[mid]:
                    hi = mid
                else:
                    lo = mid + 1
        else:
            while lo < hi:
                mid = (lo + hi) // 2
                if x < key(a[mid]):
                    hi = mid
                else:
                    lo = mid + 1
        return lo

    def insort_left(a, x, lo=0, hi=None, *, key=None):
        if key is None:
            lo = bisect_left(a, x, lo, hi)
        else:
            lo = bisect_left(a, key(x), lo, hi, key=key)
        a.insert(lo, x)

    def bisect_left(a, x, lo=0, hi=None, *, key=None):
        if lo < 0:
            raise ValueError('lo must be non-negative')
        if hi is None:
            hi = len(a)
        if key is None:
            while lo < hi:
                mid = (lo + hi) // 2
                if a[mid] < x:
                    lo = mid + 1
                else:
                    hi = mid
        else:
            while lo < hi:
                mid = (lo + hi) // 2
                if key(a[mid]) < x:
                    lo = mid + 1
                else:
                    hi = mid
        return lo

    bisect = bisect_right
    insort = insort_right
    """#

  static let heapq = #"""
    def heappush(heap, item):
        heap.append(item)
        _siftdown(heap, 0, len(heap)-1)

    def heappop(heap):
        if not isinstance(heap, list):
            raise TypeError('heap argument must be a list')
        if not heap:
            raise IndexError('index out of range')
        lastelt = heap.pop()
        if heap:
            returnitem = heap[0]
            heap[0] = lastelt
            _siftup(heap, 0)
            return returnitem
        return lastelt

    def heapreplace(heap, item):
        if not isinstance(heap, list):
            raise TypeError('heap argument must be a list')
        if not heap:
            raise IndexError('index out of range')
        returnitem = heap[0]
        heap[0] = item
        _siftup(heap, 0)
        return returnitem

    def heappushpop(heap, item):
        if heap and heap[0] < item:
            item, heap[0] = heap[0], item
            _siftup(heap, 0)
        return item

    def heapify(x):
        n = len(x)
        for i in reversed(range(n//2)):
            _siftup(x, i)

    def _siftdown(heap, startpos, pos):
        newitem = heap[pos]
        while pos > startpos:
            parentpos = (pos - 1) >> 1
            parent = heap[parentpos]
            if newitem < parent:
                heap[pos] = parent
                pos = parentpos
                continue
            break
        heap[pos] = newitem

    def _siftup(heap, pos):
        endpos = len(heap)
        startpos = pos
        newitem = heap[pos]
        childpos = 2*pos + 1
        while childpos < endpos:
            rightpos = childpos + 1
            if rightpos < endpos and not heap[childpos] < heap[rightpos]:
                childpos = rightpos
            heap[pos] = heap[childpos]
            pos = childpos
            childpos = 2*pos + 1
        heap[pos] = newitem
        _siftdown(heap, startpos, pos)

    def nlargest(n, iterable, key=None):
        if n == 1:
            it = iter(iterable)
            sentinel = object()
            if key is None:
                result = max(it, default=sentinel)
            else:
                result = max(it, default=sentinel, key=key)
            return [] if result is sentinel else [result]
        return sorted(iterable, key=key, reverse=True)[:n]

    def nsmallest(n, iterable, key=None):
        if n == 1:
            it = iter(iterable)
            sentinel = object()
            if key is None:
                result = min(it, default=sentinel)
            else:
                result = min(it, default=sentinel, key=key)
            return [] if result is sentinel else [result]
        return sorted(iterable, key=key)[:n]
    """#
}
