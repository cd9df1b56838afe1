/// `collections`: `namedtuple`, `Counter`, `deque`, `OrderedDict` and `defaultdict`, written in Python
/// as CPython writes them (its `deque` and `defaultdict` are C; these follow their behaviour).
enum CollectionsModule {
  static func make(_ m: Machine) throws -> ModuleObject {
    let file = SourceModule.filename("collections", m)
    let module = try SourceModule.load(
      m, name: "collections", source: source,
      natives: [
        SourceModule.exec, SourceModule.tupleNew, SourceModule.setBases,
        (
          "_lesson_caller_module",
          { m, _ in
            m.callerFrame(outside: file)?.globals.getStr("__name__") ?? StrObject("__main__")
          }
        ),
      ])
    // CPython's are written in C, and its messages name them with their module.
    for name in ["deque", "defaultdict", "OrderedDict"] {
      (module.dict.getStr(name) as? TypeObject)?.messageName = "collections.\(name)"
    }
    return module
  }

  /// The module's Python text.
  static let source = #"""
    import sys

    _kwlist = ['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
               'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
               'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']


    def _dict_repr(d):
        return '{' + ', '.join([repr(k) + ': ' + repr(d[k]) for k in d]) + '}'


    ################################################################################
    ### namedtuple
    ################################################################################

    def _namedtuple_namespace(typename, field_names, defaults, module):
        num_fields = len(field_names)
        arg_list = ', '.join(field_names)
        if num_fields == 1:
            arg_list += ','
        repr_fmt = '(' + ', '.join([f'{name}=%r' for name in field_names]) + ')'
        namespace = {'_tuple_new': _lesson_tuple_new, '__name__': f'namedtuple_{typename}'}
        _lesson_exec(f'__new__ = lambda _cls, {arg_list}: _tuple_new(_cls, ({arg_list}))', namespace)
        __new__ = namespace['__new__']
        __new__.__name__ = '__new__'
        __new__.__doc__ = f'Create new instance of {typename}({arg_list})'
        if defaults is not None:
            __new__.__defaults__ = defaults

        def _make(cls, iterable):
            result = _lesson_tuple_new(cls, iterable)
            if len(result) != num_fields:
                raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
            return result

        def _replace(self, /, **kwds):
            result = self._make([kwds.pop(name, value) for name, value in zip(field_names, self)])
            if kwds:
                raise (TypeError if sys.version_info >= (3, 13) else ValueError)(f'Got unexpected field names: {list(kwds)!r}')
            return result

        def __repr__(self):
            return self.__class__.__name__ + repr_fmt % tuple(self)

        def _asdict(self):
            return dict(zip(self._fields, self))

        def __getnewargs__(self):
            return tuple(self)

        for method in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
            method.__qualname__ = f'{typename}.{method.__name__}'

        field_defaults = {}
        if defaults is not None:
            field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
        class_namespace = {
            '__doc__': f'{typename}({arg_list})',
            '__slots__': (),
            '_fields': tuple(field_names),
            '_field_defaults': field_defaults,
            '__new__': __new__,
            '_make': classmethod(_make),
            '_replace': _replace,
            '__repr__': __repr__,
            '_asdict': _asdict,
            '__getnewargs__': __getnewargs__,
            '__module__': module,
        }
        for index, name in enumerate(field_names):
            class_namespace[name] = property(_itemgetter(index), _readonly)
        return class_namespace


    def _itemgetter(index):
        def get(self):
            return self[index]
        return get


    def _readonly(self, value):
        raise AttributeError("can't set attribute")


    def _check_names(typename, field_names, rename):
        if isinstance(field_names, str):
            field_names = field_names.replace(',', ' ').split()
        field_names = list(map(str, field_names))
        typename = str(typename)
        if rename:
            seen = set()
            for index, name in enumerate(field_names):
                if (not name.isidentifier() or name in _kwlist or name.startswith('_') or name in seen):
                    field_names[index] = f'_{index}'
                seen.add(name)
        for name in [typename] + field_names:
            if type(name) is not str:
                raise TypeError('Type names and field names must be strings')
            if not name.isidentifier():
                raise ValueError('Type names and field names must be valid ' f'identifiers: {name!r}')
            if name in _kwlist:
                raise ValueError('Type names and field names cannot be a ' f'keyword: {name!r}')
        seen = set()
        for name in field_names:
            if name.startswith('_') and not rename:
                raise ValueError('Field names cannot start with an underscore: ' f'{name!r}')
            if name in seen:
                raise ValueError(f'Encountered duplicate field name: {name!r}')
            seen.add(name)
        return typename, field_names


    def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
        typename, field_names = _check_names(typename, field_names, rename)
        if defaults is not None:
            defaults = tuple(defaults)
            if len(defaults) > len(field_names):
                raise TypeError('Got more default values than field names')
        if module is None:
            module = _lesson_caller_module()
        ns = _namedtuple_namespace(typename, field_names, defaults, module)
        return type(typename, (tuple,), ns)


    def _lesson_install_namedtuple(cls, field_names, defaults):
        # typing.NamedTuple's metaclass: the class statement's class becomes a named tuple.
        typename = cls.__name__
        ns = _namedtuple_namespace(typename, field_names, defaults, cls.__module__)
        for key in ns:
            if key != '__doc__' or cls.__doc__ is None:
                setattr(cls, key, ns[key])
        _lesson_set_bases(cls, (tuple,))
        return cls


    ################################################################################
    ### OrderedDict
    ################################################################################

    class OrderedDict(dict):
        def __init__(self, other=(), /, **kwds):
            self.update(other, **kwds)

        def move_to_end(self, key, last=True):
            value = self.pop(key)
            if last:
                self[key] = value
            else:
                rest = list(self.items())
                self.clear()
                self[key] = value
                for k, v in rest:
                    self[k] = v

        def popitem(self, last=True):
            if not self:
                raise KeyError('dictionary is empty')
            if last:
                key = list(self)[-1]
            else:
                key = next(iter(self))
            value = self.pop(key)
            return key, value

        def __repr__(self):
            if not self:
                return '%s()' % (self.__class__.__name__,)
            if sys.version_info >= (3, 12):
                return '%s(%s)' % (self.__class__.__name__, _dict_repr(self))
            return '%s(%r)' % (self.__class__.__name__, list(self.items()))

        def __eq__(self, other):
            if isinstance(other, OrderedDict):
                return dict.__eq__(self, other) and list(self) == list(other)
            return dict.__eq__(self, other)

        def copy(self):
            return self.__class__(self)

        @classmethod
        def fromkeys(cls, iterable, value=None):
            self = cls()
            for key in iterable:
                self[key] = value
            return self

        def __or__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = type(self)(self)
            new.update(other)
            return new

        def __ror__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = type(self)(other)
            new.update(self)
            return new

        def __ior__(self, other):
            self.update(other)
            return self


    ################################################################################
    ### defaultdict
    ################################################################################

    class defaultdict(dict):
        def __init__(self, default_factory=None, /, *args, **kwds):
            if default_factory is not None and not callable(default_factory):
                raise TypeError('first argument must be callable or None')
            self.default_factory = default_factory
            self.update(*args, **kwds)

        def __missing__(self, key):
            if self.default_factory is None:
                raise KeyError(key)
            self[key] = value = self.default_factory()
            return value

        def __repr__(self):
            factory = self.default_factory
            return '%s(%s, %s)' % (self.__class__.__name__, repr(factory), _dict_repr(self))

        def copy(self):
            return self.__class__(self.default_factory, self)

        __copy__ = copy

        def __or__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = self.__class__(self.default_factory, self)
            new.update(other)
            return new

        def __ror__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = self.__class__(self.default_factory, other)
            new.update(self)
            return new


    ################################################################################
    ### Counter
    ################################################################################

    class Counter(dict):
        def __init__(self, iterable=None, /, **kwds):
            self.update(iterable, **kwds)

        def __missing__(self, key):
            return 0

        def total(self):
            return sum(self.values())

        def most_common(self, n=None):
            items = sorted(self.items(), key=_second, reverse=True)
            if n is None:
                return items
            return items[:max(n, 0)]

        def elements(self):
            out = []
            for elem in self:
                count = self[elem]
                if count > 0:
                    out.extend([elem] * count)
            return iter(out)

        @classmethod
        def fromkeys(cls, iterable, v=None):
            raise NotImplementedError('Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

        def update(self, iterable=None, /, **kwds):
            if iterable is not None:
                if isinstance(iterable, dict):
                    if self:
                        for elem in iterable:
                            self[elem] = iterable[elem] + self.get(elem, 0)
                    else:
                        for elem in iterable:
                            self[elem] = iterable[elem]
                else:
                    for elem in iterable:
                        self[elem] = self.get(elem, 0) + 1
            if kwds:
                self.update(kwds)

        def subtract(self, iterable=None, /, **kwds):
            if iterable is not None:
                if isinstance(iterable, dict):
                    for elem in iterable:
                        self[elem] = self.get(elem, 0) - iterable[elem]
                else:
                    for elem in iterable:
                        self[elem] = self.get(elem, 0) - 1
            if kwds:
                self.subtract(kwds)

        def copy(self):
            return self.__class__(self)

        def __delitem__(self, elem):
            if elem in self:
                dict.pop(self, elem)

        def __repr__(self):
            if not self:
                return f'{self.__class__.__name__}()'
            try:
                d = dict(self.most_common())
            except TypeError:
                d = dict(self)
            return f'{self.__class__.__name__}({d!r})'

        def __eq__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return all(self[e] == other[e] for c in (self, other) for e in c)

        def __ne__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return not self == other

        def __le__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return all(self[e] <= other[e] for c in (self, other) for e in c)

        def __lt__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return self <= other and self != other

        def __ge__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return all(self[e] >= other[e] for c in (self, other) for e in c)

        def __gt__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return self >= other and self != other

        def __add__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            result = Counter()
            for elem in self:
                newcount = self[elem] + other[elem]
                if newcount > 0:
                    result[elem] = newcount
            for elem in other:
                if elem not in self and other[elem] > 0:
                    result[elem] = other[elem]
            return result

        def __sub__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            result = Counter()
            for elem in self:
                newcount = self[elem] - other[elem]
                if newcount > 0:
                    result[elem] = newcount
            for elem in other:
                if elem not in self and other[elem] < 0:
                    result[elem] = 0 - other[elem]
            return result

        def __or__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            result = Counter()
            for elem in self:
                count = self[elem]
                other_count = other[elem]
                newcount = other_count if count < other_count else count
                if newcount > 0:
                    result[elem] = newcount
            for elem in other:
                if elem not in self and other[elem] > 0:
                    result[elem] = other[elem]
            return result

        def __and__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            result = Counter()
            for elem in self:
                count = self[elem]
                other_count = other[elem]
                newcount = count if count < other_count else other_count
                if newcount > 0:
                    result[elem] = newcount
            return result

        def __pos__(self):
            result = Counter()
            for elem in self:
                if self[elem] > 0:
                    result[elem] = self[elem]
            return result

        def __neg__(self):
            result = Counter()
            for elem in self:
                if self[elem] < 0:
                    result[elem] = 0 - self[elem]
            return result

        def _keep_positive(self):
            nonpositive = [elem for elem in self if not self[elem] > 0]
            for elem in nonpositive:
                del self[elem]
            return self

        def __iadd__(self, other):
            for elem in other:
                self[elem] += other[elem]
            return self._keep_positive()

        def __isub__(self, other):
            for elem in other:
                self[elem] -= other[elem]
            return self._keep_positive()


    if sys.version_info < (3, 10):
        del Counter.total


    def _second(pair):
        return pair[1]


    ################################################################################
    ### deque
    ################################################################################

    class deque(object):
        def __init__(self, iterable=(), maxlen=None):
            if maxlen is not None:
                if not isinstance(maxlen, int):
                    raise TypeError('an integer is required')
                if maxlen < 0:
                    raise ValueError('maxlen must be non-negative')
            self._maxlen = maxlen
            self._items = []
            self._state = 0
            self.extend(iterable)

        @property
        def maxlen(self):
            return self._maxlen

        def _changed(self):
            self._state += 1

        def append(self, x):
            self._items.append(x)
            if self._maxlen is not None and len(self._items) > self._maxlen:
                del self._items[0]
            self._changed()

        def appendleft(self, x):
            self._items.insert(0, x)
            if self._maxlen is not None and len(self._items) > self._maxlen:
                del self._items[-1]
            self._changed()

        def extend(self, iterable):
            if iterable is self:
                iterable = list(iterable)
            for x in iterable:
                self.append(x)

        def extendleft(self, iterable):
            if iterable is self:
                iterable = list(iterable)
            for x in iterable:
                self.appendleft(x)

        def pop(self):
            if not self._items:
                raise IndexError('pop from an empty deque')
            self._changed()
            return self._items.pop()

        def popleft(self):
            if not self._items:
                raise IndexError('pop from an empty deque')
            self._changed()
            return self._items.pop(0)

        def clear(self):
            self._items.clear()
            self._changed()

        def copy(self):
            return deque(self._items, self._maxlen)

        __copy__ = copy

        def count(self, x):
            return self._items.count(x)

        def index(self, x, *args):
            try:
                return self._items.index(x, *args)
            except ValueError:
                raise ValueError(f'{x!r} is not in deque') from None

        def insert(self, i, x):
            if self._maxlen is not None and len(self._items) >= self._maxlen:
                raise IndexError('deque already at its maximum size')
            self._items.insert(i, x)
            self._changed()

        def remove(self, value):
            try:
                self._items.remove(value)
            except ValueError:
                raise ValueError(f'{value!r} is not in deque') from None
            self._changed()

        def reverse(self):
            self._items.reverse()
            self._changed()

        def rotate(self, n=1):
            size = len(self._items)
            if size <= 1:
                return
            n = n % size
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]
            self._changed()

        def __len__(self):
            return len(self._items)

        def __bool__(self):
            return len(self._items) > 0

        def __iter__(self):
            state = self._state
            items = self._items
            i = 0
            while i < len(items):
                if self._state != state:
                    raise RuntimeError('deque mutated during iteration')
                yield items[i]
                i += 1
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')

        def __reversed__(self):
            return reversed(list(self._items))

        def __contains__(self, x):
            return x in self._items

        def __getitem__(self, i):
            if not isinstance(i, int):
                raise TypeError(f'sequence index must be integer, not {type(i).__name__!r}')
            try:
                return self._items[i]
            except IndexError:
                raise IndexError('deque index out of range') from None

        def __setitem__(self, i, x):
            try:
                self._items[i] = x
            except IndexError:
                raise IndexError('deque index out of range') from None

        def __delitem__(self, i):
            try:
                del self._items[i]
            except IndexError:
                raise IndexError('deque index out of range') from None
            self._changed()

        def __eq__(self, other):
            if not isinstance(other, deque):
                return NotImplemented
            return self._items == other._items

        def __lt__(self, other):
            if not isinstance(other, deque):
                return NotImplemented
            return self._items < other._items

        def __add__(self, other):
            if not isinstance(other, deque):
                raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
            return deque(self._items + other._items, self._maxlen)

        def __iadd__(self, other):
            self.extend(other)
            return self

        def __mul__(self, n):
            if not hasattr(type(n), '__index__'):
                raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
            return deque(self._items * n.__index__(), self._maxlen)

        __rmul__ = __mul__

        def __imul__(self, n):
            if not hasattr(type(n), '__index__'):
                raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
            items = self._items * n.__index__()
            self._items.clear()
            self.extend(items)
            return self

        def __repr__(self):
            if self._maxlen is None:
                return f'deque({self._items!r})'
            return f'deque({self._items!r}, maxlen={self._maxlen})'

        __hash__ = None


    class ChainMap(object):
        def __init__(self, *maps):
            self.maps = list(maps) or [{}]

        def __missing__(self, key):
            raise KeyError(key)

        def __getitem__(self, key):
            for mapping in self.maps:
                try:
                    return mapping[key]
                except KeyError:
                    pass
            return self.__missing__(key)

        def get(self, key, default=None):
            return self[key] if key in self else default

        def __len__(self):
            return len(set().union(*self.maps))

        def __iter__(self):
            d = {}
            for mapping in reversed(self.maps):
                d.update(dict.fromkeys(mapping))
            return iter(d)

        def __contains__(self, key):
            return any(key in m for m in self.maps)

        def __bool__(self):
            return any(self.maps)

        def __repr__(self):
            return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

        def __eq__(self, other):
            if isinstance(other, ChainMap):
                other = dict(other.items())
            if isinstance(other, dict):
                return dict(self.items()) == other
            return NotImplemented

        @classmethod
        def fromkeys(cls, iterable, *args):
            return cls(dict.fromkeys(iterable, *args))

        def copy(self):
            return self.__class__(self.maps[0].copy(), *self.maps[1:])

        __copy__ = copy

        def new_child(self, m=None, **kwargs):
            if m is None:
                m = kwargs
            elif kwargs:
                m.update(kwargs)
            return self.__class__(m, *self.maps)

        @property
        def parents(self):
            return self.__class__(*self.maps[1:])

        def __setitem__(self, key, value):
            self.maps[0][key] = value

        def __delitem__(self, key):
            try:
                del self.maps[0][key]
            except KeyError:
                raise KeyError(f'Key not found in the first mapping: {key!r}')

        def popitem(self):
            try:
                return self.maps[0].popitem()
            except KeyError:
                raise KeyError('No keys found in the first mapping.')

        def pop(self, key, *args):
            try:
                return self.maps[0].pop(key, *args)
            except KeyError:
                raise KeyError(f'Key not found in the first mapping: {key!r}')

        def clear(self):
            self.maps[0].clear()

        def keys(self):
            return list(self)

        def items(self):
            return [(k, self[k]) for k in self]

        def values(self):
            return [self[k] for k in self]

        def __or__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            m = self.copy()
            m.maps[0].update(other)
            return m
    """#
}
