import PythonValues

/// `functools.partial`: a callable with some arguments already given.
final class PartialObject: NativeObject {
  let function: PyObject
  let args: [PyObject]
  let keywords: DictObject

  init(_ function: PyObject, _ args: [PyObject], _ keywords: DictObject, type: TypeObject) {
    self.function = function
    self.args = args
    self.keywords = keywords
    super.init(type: type)
    let d = DictObject()
    d.setStr("func", function)
    d.setStr("args", TupleObject(args))
    d.setStr("keywords", keywords)
    dict = d
  }
}

/// `functools`: `partial` and `reduce` in Swift (C in CPython); `wraps`, `update_wrapper`,
/// `total_ordering`, `cmp_to_key`, `lru_cache` and `cache` from Python source, as CPython's
/// `functools.py` defines them.
enum FunctoolsModule {
  static let partialType: TypeObject = {
    let t = AsyncioModule.nativeType("partial", module: "functools", [
      ("__call__", { m, a in
        guard let p = a[0] as? PartialObject else { throw typeError("descriptor '__call__' requires a 'functools.partial' object") }
        var keywords = p.keywords.pairs.map { (($0.0 as! StrObject).value, $0.1) }
        for (k, v) in a.keywords {
          if let i = keywords.firstIndex(where: { $0.0 == k }) { keywords[i].1 = v } else { keywords.append((k, v)) }
        }
        return try m.call(p.function, Args(p.args + a.positional.dropFirst(), keywords: keywords))
      }),
      ("__repr__", { m, a in
        guard let p = a[0] as? PartialObject else { throw typeError("descriptor '__repr__' requires a 'functools.partial' object") }
        var parts = [try m.repr(p.function)]
        for x in p.args { parts.append(try m.repr(x)) }
        for (k, v) in p.keywords.pairs { parts.append("\(try m.str(k))=\(try m.repr(v))") }
        return StrObject("functools.partial(" + parts.joined(separator: ", ") + ")")
      }),
    ])
    t.construct = { m, cls, a in
      guard let f = a.positional.first else { throw typeError("type 'partial' takes at least one argument") }
      var fn = f
      var args = Array(a.positional.dropFirst())
      let keywords = DictObject()
      // partial(partial(f, 1), 2) is partial(f, 1, 2), as in CPython.
      if let inner = f as? PartialObject, inner.type === t, cls === t {
        fn = inner.function
        args = inner.args + args
        for (k, v) in inner.keywords.pairs { try keywords.set(k, v, m) }
      }
      if !(try callable(m, fn)) { throw typeError("the first argument must be callable") }
      for (k, v) in a.keywords { keywords.setStr(k, v) }
      return PartialObject(fn, args, keywords, type: cls)
    }
    return t
  }()

  static func callable(_ m: Machine, _ o: PyObject) throws -> Bool {
    switch o {
    case is FunctionObject, is BuiltinFunctionObject, is MethodObject, is TypeObject: return true
    default: return o.type.lookup("__call__") != nil
    }
  }

  /// The `CacheInfo` named tuple of `lru_cache`'s `cache_info()`.
  static let cacheInfoType: TypeObject = {
    let t = TypeObject("CacheInfo", bases: [Types.tuple], layout: .tuple, builtin: false, module: "functools")
    t.isShared = true
    let fields = ["hits", "misses", "maxsize", "currsize"]
    t.dict.setStr("_fields", TupleObject(fields.map { StrObject($0) }))
    t.construct = { m, _, _ in
      throw m.refuse("functools' CacheInfo made directly", "lesson makes it only as cache_info() returns it")
    }
    for (i, f) in fields.enumerated() {
      t.dict.setStr(f, DescriptorObject(.property, BuiltinFunctionObject(f) { m, a in
        guard let tuple = a[0] as? TupleObject else {
          throw typeError("descriptor '_tuplegetter' for 'CacheInfo' objects doesn't apply to a '\(m.typeName(a[0]))' object")
        }
        guard i < tuple.items.count else { throw indexError("tuple index out of range") }
        return tuple.items[i]
      }))
    }
    return t
  }()

  static func make(_ m: Machine) throws -> ModuleObject {
    let mod = ModuleObject("functools")
    mod.set("partial", partialType)
    mod.def("reduce") { m, a in
      if !a.keywords.isEmpty { throw typeError("reduce() takes no keyword arguments") }
      if a.count < 2 || a.count > 3 {
        throw typeError(a.count < 2 ? "reduce expected at least 2 arguments, got \(a.count)" : "reduce expected at most 3 arguments, got \(a.count)")
      }
      let it = try m.getIterator(a[1])
      var acc: PyObject? = a.count == 3 ? a[2] : nil
      while let v = try m.next(it) {
        acc = try acc.map { try m.call(a[0], Args([$0, v])) } ?? v
      }
      guard let acc else { throw typeError("reduce() of empty iterable with no initial value") }
      return acc
    }
    mod.def("_cache_info") { _, a in TupleObject(a.positional, type: cacheInfoType) }
    mod.dict.setStr(SourceModule.refuse.0, BuiltinFunctionObject(SourceModule.refuse.0, SourceModule.refuse.1))
    let assignments = m.version.minor >= 12
      ? "('__module__', '__name__', '__qualname__', '__doc__', '__annotations__', '__type_params__')"
      : "('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')"
    try SourceModules.run(m, "WRAPPER_ASSIGNMENTS = \(assignments)\n" + source, in: mod)
    return mod
  }

  static let source = #"""
WRAPPER_UPDATES = ('__dict__',)

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)

def _gt_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other

def _le_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other

def _ge_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _ge_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other

def _lt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other

def _gt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _lt_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other

def _ge_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other

def _le_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _le_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other

def _gt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other

def _lt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}

def total_ordering(cls):
    roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            setattr(cls, opname, opfunc)
    return cls

def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ['obj']
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K

def _make_key(args, kwds, typed, kwd_mark=(object(),), fasttypes={int, str}):
    key = args
    if kwds:
        key += kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in fasttypes:
        return key[0]
    return key

def _lru_cache_wrapper(user_function, maxsize, typed):
    sentinel = object()
    cache = {}
    hits = misses = 0
    if maxsize == 0:
        def wrapper(*args, **kwds):
            nonlocal misses
            misses += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                del cache[key]
                cache[key] = result
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            if key in cache:
                pass
            elif len(cache) >= maxsize:
                del cache[next(iter(cache))]
                cache[key] = result
            else:
                cache[key] = result
            return result

    def cache_info():
        return _cache_info(hits, misses, maxsize, len(cache))

    def cache_clear():
        nonlocal hits, misses
        cache.clear()
        hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper

def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda : {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda : {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function

def cache(user_function, /):
    return lru_cache(maxsize=None)(user_function)


_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property."
            )
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val


def singledispatch(func):
    """CPython's, for classes and typing.Union annotations (3.11+); the registry is a dict."""
    import sys
    registry = {}

    def _refuse(construct, why):
        _lesson_refuse(construct, why)

    def _is_union_type(cls):
        if type(cls).__name__ == 'UnionType':
            _refuse('singledispatch on an X | Y annotation', 'lesson dispatches on classes and typing.Union only yet')
        from typing import get_origin, Union
        return get_origin(cls) is Union

    def _is_valid_dispatch_type(cls):
        if isinstance(cls, type):
            return True
        if sys.version_info < (3, 11):
            return False
        from typing import get_args
        return _is_union_type(cls) and all(isinstance(arg, type) for arg in get_args(cls))

    def dispatch(cls):
        for key in registry:
            if hasattr(key, '__abstractmethods__'):
                _refuse('singledispatch with an abstract class registered',
                        "Python places abstract classes in the dispatch order by their registrations, which lesson does not follow yet")
        for base in cls.__mro__:
            if base in registry:
                return registry[base]
        return registry[object]

    def register(cls, func=None):
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                if sys.version_info < (3, 11):
                    raise TypeError(f"Invalid first argument to `register()`. {cls!r} is not a class.")
                raise TypeError(f"Invalid first argument to `register()`. {cls!r} is not a class or union type.")
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function."
                )
            func = cls
            argname, cls = next(iter(ann.items()))
            if isinstance(cls, str):
                _refuse('singledispatch on a string annotation', 'Python resolves it with typing.get_type_hints, which lesson does not run yet')
            if not _is_valid_dispatch_type(cls):
                if sys.version_info >= (3, 11) and _is_union_type(cls):
                    raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} not all arguments are classes.")
                raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} is not a class.")
        if sys.version_info >= (3, 11) and not isinstance(cls, type) and _is_union_type(cls):
            from typing import get_args
            for arg in get_args(cls):
                registry[arg] = func
        else:
            registry[cls] = func
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
"""#
}
