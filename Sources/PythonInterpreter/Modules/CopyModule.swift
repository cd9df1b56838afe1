/// `copy`: CPython's `copy.py`, with the one step it takes from C written out here: what
/// `__reduce_ex__(4)` gives for each kind of object a learner copies (an instance of their own
/// class or dataclass, a named tuple, a subclass of list, dict or set, an exception, the
/// `collections` containers). Anything else (a task, a lock, a module, a class that writes its
/// own pickling hooks) is refused rather than copied differently.
enum CopyModule {
  static func make(_ m: Machine) throws -> ModuleObject {
    let mod = ModuleObject("copy")
    mod.dict.setStr(SourceModule.refuse.0, BuiltinFunctionObject(SourceModule.refuse.0, SourceModule.refuse.1))
    var text = source
    if m.version.minor >= 13 { text += replace }
    try SourceModules.run(m, text, in: mod)
    return mod
  }

  static let source = #"""
class Error(Exception):
    pass
error = Error

_function = type(lambda: 0)
_builtin = type(len)
class _Bound:
    def method(self):
        pass
_method = type(_Bound().method)
del _Bound

def copy(x):
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce_ex(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)

def _copy_immutable(x):
    return x

_copy_dispatch = d = {}
for t in (type(None), int, float, bool, complex, str, tuple, bytes, frozenset, type, range, slice, property,
          _builtin, type(Ellipsis), type(NotImplemented), _function):
    d[t] = _copy_immutable
d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
del d, t

def deepcopy(x, memo=None, _nil=[]):
    d = id(x)
    if memo is None:
        memo = {}
    else:
        y = memo.get(d, _nil)
        if y is not _nil:
            return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = x
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce_ex(x)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y

_deepcopy_dispatch = d = {}

def _deepcopy_atomic(x, memo):
    return x
for t in (type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex, bytes, str, type, range,
          _builtin, _function, property):
    d[t] = _deepcopy_atomic

def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list

def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y
d[tuple] = _deepcopy_tuple

def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict

def _deepcopy_method(x, memo):
    _lesson_refuse("copy.deepcopy() of a bound method", "lesson does not copy methods yet")
d[_method] = _deepcopy_method
del d, t

def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]

def __newobj__(cls, *args):
    return cls.__new__(cls, *args)

_hooks = ('__reduce__', '__reduce_ex__', '__getstate__', '__getnewargs_ex__', '__slots__')

def _reduce_ex(x):
    # What CPython's object.__reduce_ex__(4) (copyreg) gives, for the objects a learner copies.
    cls = type(x)
    mro = cls.__mro__
    builtin = [b for b in mro if b.__module__ == 'builtins' and b is not object]
    library = [b for b in mro if b.__module__ not in ('builtins', '__main__')]
    if library:
        top = library[0]
        name = top.__module__ + '.' + top.__qualname__
        if top is cls and name in _library:
            return _library[name](x)
        if top.__module__ == 'enum' and any(b.__module__ + '.' + b.__qualname__ == 'enum.Enum' for b in mro):
            return cls, (x._value_,)
        _lesson_refuse(f"copying the {name} object", "lesson copies the objects of a program's own classes, "
                       "built-in containers and collections' ones")
    newargs = None
    for b in mro:
        if b.__module__ == '__main__':
            if newargs is None and '__getnewargs__' in vars(b):
                newargs = x.__getnewargs__()
            if '__slots__' in vars(b) and vars(b)['__slots__'] == () and hasattr(cls, '_fields'):
                continue
            for hook in _hooks:
                if hook in vars(b):
                    _lesson_refuse(f"copying an object whose class defines {hook}",
                                   "lesson does not follow the pickling protocol's hooks yet")
    state = None
    if not builtin or builtin[0] in (list, dict, tuple) or issubclass(cls, BaseException):
        try:
            attributes = vars(x)
        except TypeError:
            attributes = None
        if attributes:
            state = attributes
    if not builtin:
        return __newobj__, (cls,) + (newargs or ()), state
    base = builtin[0]
    if issubclass(cls, BaseException):
        return (cls, x.args, state) if state else (cls, x.args)
    if base is list:
        return __newobj__, (cls,), state, iter(x), None
    if base is dict:
        return __newobj__, (cls,), state, None, iter(x.items())
    if base is tuple:
        return __newobj__, (cls,) + (newargs if newargs is not None else (tuple(x),)), state
    if base in (set, frozenset):
        return cls, (list(x),), state
    _lesson_refuse(f"copying the {cls.__qualname__} object", "lesson copies the objects of a program's own classes, "
                   "built-in containers and collections' ones")

def _counter(x):
    return type(x), (dict(x),)

def _ordered_dict(x):
    return type(x), (), None, None, iter(x.items())

def _default_dict(x):
    args = () if x.default_factory is None else (x.default_factory,)
    return type(x), args, None, None, iter(x.items())

def _deque(x):
    return (type(x), () if x.maxlen is None else ((), x.maxlen), None, iter(x))

_library = {
    'collections.Counter': _counter,
    'collections.OrderedDict': _ordered_dict,
    'collections.defaultdict': _default_dict,
    'collections.deque': _deque,
}

def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = (deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y

"""#

  /// `copy.replace`, new in 3.13.
  static let replace = #"""
def replace(obj, /, **changes):
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        # lesson's dataclasses and named tuples have no __replace__ of their own: theirs is this.
        if hasattr(cls, '__dataclass_fields__'):
            import dataclasses
            return dataclasses.replace(obj, **changes)
        if isinstance(obj, tuple) and hasattr(cls, '_fields') and hasattr(cls, '_replace'):
            return obj._replace(**changes)
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
"""#
}
