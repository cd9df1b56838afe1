/// `typing`: the names learners annotate with (subscriptable, with CPython's reprs) and `NamedTuple`
/// (its class statement makes a `collections.namedtuple`). Nothing is checked at run time, as in CPython.
enum TypingModule {
  static func make(_ m: Machine) throws -> ModuleObject {
    try SourceModule.load(m, name: "typing", source: source, natives: [SourceModule.refuse])
  }

  /// The module's Python text.
  static let source = #"""
    import sys
    import collections

    TYPE_CHECKING = False


    def _type_repr(obj):
        if isinstance(obj, type):
            if obj.__module__ == 'builtins':
                return obj.__qualname__
            return f'{obj.__module__}.{obj.__qualname__}'
        if obj is ...:
            return '...'
        if obj is None or obj is type(None):
            return 'None'
        if isinstance(obj, list):
            return '[' + ', '.join([_type_repr(a) for a in obj]) + ']'
        if isinstance(obj, str):
            return repr(obj)
        return repr(obj)


    def _convert(arg):
        """None in a type's arguments stands for NoneType (a Callable's parameter list too)."""
        if arg is None:
            return type(None)
        if isinstance(arg, list):
            return [_convert(a) for a in arg]
        return arg


    def _arg_repr(obj):
        if obj is type(None):
            return 'NoneType'
        return _type_repr(obj)


    class _Final(object):
        pass


    class _SpecialForm(_Final):
        def __init__(self, name, params=None):
            self._name = name
            self._params = params

        def __repr__(self):
            return 'typing.' + self._name

        def __getitem__(self, parameters):
            if self._name == 'Union':
                return _union(parameters)
            if self._name == 'Optional':
                return _union((parameters, None))
            if self._name == 'Any' or self._name == 'NoReturn' or self._name == 'Never':
                raise TypeError(f'{self} is not subscriptable')
            if not isinstance(parameters, tuple):
                parameters = (parameters,)
            if self._name == 'Literal':
                # Nested Literals flatten; repeated values (of the same type) are kept once.
                flat = []
                for p in parameters:
                    if isinstance(p, _GenericAlias) and p.__origin__ is self:
                        flat.extend(p.__args__)
                    else:
                        flat.append(p)
                kept = []
                for p in flat:
                    if not any(type(p) is type(q) and p == q for q in kept):
                        kept.append(p)
                parameters = tuple(kept)
            elif self._name == 'Annotated':
                parameters = (_convert(parameters[0]),) + parameters[1:]
            elif self._name == 'Callable' and len(parameters) == 2 and isinstance(parameters[0], list):
                # `Callable[[int], str]`: the argument types and the result, flattened (3.10+).
                return _GenericAlias(self, tuple(_convert(p) for p in parameters[0]) + (_convert(parameters[1]),),
                                     callable_list=True)
            else:
                parameters = tuple(_convert(p) for p in parameters)
            return _GenericAlias(self, parameters)

        def __call__(self, *args, **kwds):
            raise TypeError(f'Cannot instantiate {self!r}')

        def __or__(self, other):
            return _union((self, other))

        def __ror__(self, other):
            return _union((other, self))


    def _collect_parameters(args):
        """The type variables in `args`, in the order they first appear (nested forms too)."""
        params = []
        for a in args:
            if isinstance(a, (TypeVar, ParamSpec)):
                found = (a,)
            elif isinstance(a, _GenericAlias):
                found = a.__parameters__
            elif isinstance(a, list):
                found = _collect_parameters(a)
            else:
                found = ()
            for p in found:
                if not any(p is q for q in params):
                    params.append(p)
        return tuple(params)


    class _GenericAlias(_Final):
        def __init__(self, origin, args, name=None, callable_list=False):
            self.__origin__ = origin
            self.__args__ = args
            self.__parameters__ = _collect_parameters(args)
            # A Callable written with a list of argument types (shown, and given back by
            # get_args, as that list).
            self._callable_list = callable_list

        def __repr__(self):
            origin = self.__origin__
            args = self.__args__
            if isinstance(origin, _SpecialForm) and origin._name == 'Union':
                if len(args) == 2 and args[1] is type(None):
                    return 'typing.Optional[' + _type_repr(args[0]) + ']'
                return 'typing.Union[' + ', '.join([_arg_repr(a) for a in args]) + ']'
            if self._callable_list:
                return 'typing.Callable[' + _type_repr(list(args[:-1])) + ', ' + _type_repr(args[-1]) + ']'
            if isinstance(origin, _SpecialForm) and origin._name == 'Callable' and len(args) == 2:
                return 'typing.Callable[' + _type_repr(args[0]) + ', ' + _type_repr(args[1]) + ']'
            name = _type_repr(origin) if isinstance(origin, type) else repr(origin)
            if not args:
                return name + '[()]'
            return name + '[' + ', '.join([_type_repr(a) for a in args]) + ']'

        def __getitem__(self, parameters):
            return self

        def __eq__(self, other):
            if isinstance(self.__origin__, _SpecialForm) and self.__origin__._name == 'Union':
                # A Union is equal to another, or to an `X | Y`, with the same members in any order.
                if type(other).__name__ == 'UnionType' or (
                        isinstance(other, _GenericAlias) and isinstance(other.__origin__, _SpecialForm)
                        and other.__origin__._name == 'Union'):
                    return set(self.__args__) == set(other.__args__)
            if not isinstance(other, _GenericAlias):
                return NotImplemented
            return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

        def __hash__(self):
            return hash((repr(self.__origin__), self.__args__))

        def __call__(self, *args, **kwargs):
            if not isinstance(self.__origin__, type):
                raise TypeError(f'Type {self!r} cannot be instantiated')
            result = self.__origin__(*args, **kwargs)
            try:
                result.__orig_class__ = self
            except Exception:
                pass
            return result

        def __getattr__(self, attr):
            if attr.startswith('__') and attr.endswith('__'):
                raise AttributeError(attr)
            return getattr(self.__origin__, attr)

        def __mro_entries__(self, bases):
            origin = self.__origin__
            if isinstance(origin, _SpecialForm) and origin._name in _ORIGINS:
                origin = _ORIGINS[origin._name]
            if not isinstance(origin, type):
                raise TypeError(f'Cannot subclass {self!r}')
            return (origin,)

        def __or__(self, other):
            return _union((self, other))

        def __ror__(self, other):
            return _union((other, self))


    def _union(parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        if parameters == ():
            raise TypeError('Cannot take a Union of no types.')
        params = []
        for p in parameters:
            if p is None:
                p = type(None)
            if isinstance(p, _GenericAlias) and isinstance(p.__origin__, _SpecialForm) and p.__origin__._name == 'Union':
                for q in p.__args__:
                    if q not in params:
                        params.append(q)
            elif p not in params:
                params.append(p)
        if len(params) == 1:
            return params[0]
        return _GenericAlias(Union, tuple(params))


    Any = _SpecialForm('Any')
    NoReturn = _SpecialForm('NoReturn')
    ClassVar = _SpecialForm('ClassVar')
    Final = _SpecialForm('Final')
    Union = _SpecialForm('Union')
    Optional = _SpecialForm('Optional')
    Literal = _SpecialForm('Literal')
    Annotated = _SpecialForm('Annotated')
    TypeAlias = _SpecialForm('TypeAlias')
    Concatenate = _SpecialForm('Concatenate')
    TypeGuard = _SpecialForm('TypeGuard')
    if sys.version_info >= (3, 11):
        Self = _SpecialForm('Self')
        Never = _SpecialForm('Never')
        LiteralString = _SpecialForm('LiteralString')
        Required = _SpecialForm('Required')
        NotRequired = _SpecialForm('NotRequired')
    if sys.version_info >= (3, 13):
        ReadOnly = _SpecialForm('ReadOnly')
        TypeIs = _SpecialForm('TypeIs')

    for _name in ['List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type', 'DefaultDict', 'OrderedDict', 'Counter', 'Deque',
                  'ChainMap', 'Callable', 'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator',
                  'Iterable', 'Iterator', 'Generator', 'Reversible', 'Container', 'Collection', 'Sequence',
                  'MutableSequence', 'Mapping', 'MutableMapping', 'AbstractSet', 'MutableSet', 'KeysView', 'ItemsView',
                  'ValuesView', 'Hashable', 'Sized', 'ContextManager', 'AsyncContextManager', 'Pattern', 'Match']:
        globals()[_name] = _SpecialForm(_name)
    del _name
    Text = str
    AnyStr = None


    class _TypeVarLike:
        """Mixin for TypeVar-like types (TypeVar and ParamSpec)."""

        def __repr__(self):
            if self.__covariant__:
                prefix = '+'
            elif self.__contravariant__:
                prefix = '-'
            else:
                prefix = '~'
            return prefix + self.__name__

        def __or__(self, other):
            return _union((self, other))

        def __ror__(self, other):
            return _union((other, self))


    class TypeVar(_Final, _TypeVarLike):
        def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
            self.__name__ = name
            self.__constraints__ = constraints
            self.__bound__ = bound
            self.__covariant__ = covariant
            self.__contravariant__ = contravariant


    AnyStr = TypeVar('AnyStr', bytes, str)


    class _ParamSpecPart(_Final):
        """`P.args` and `P.kwargs`: the part's name after the ParamSpec's."""
        _part = ''

        def __init__(self, origin):
            self.__origin__ = origin

        def __repr__(self):
            return f"{self.__origin__.__name__}.{self._part}"

        def __eq__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return self.__origin__ == other.__origin__

        def __hash__(self):
            return hash((type(self), id(self.__origin__)))


    class ParamSpecArgs(_ParamSpecPart):
        _part = 'args'


    class ParamSpecKwargs(_ParamSpecPart):
        _part = 'kwargs'


    class ParamSpec(_Final, _TypeVarLike):
        def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
            self.__name__ = name
            self.__bound__ = bound
            self.__covariant__ = covariant
            self.__contravariant__ = contravariant

        @property
        def args(self):
            return ParamSpecArgs(self)

        @property
        def kwargs(self):
            return ParamSpecKwargs(self)


    def cast(typ, val):
        return val


    def overload(func):
        return func


    def final(f):
        return f


    def no_type_check(arg):
        return arg


    _PROTOCOL_SPECIAL = frozenset({
        '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__', '__new__',
        '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__', '__qualname__', '__parameters__',
        '__orig_bases__', '__orig_class__', '_is_protocol', '_is_runtime_protocol', '__protocol_attrs__',
        '__init_subclass__', '__firstlineno__', '__static_attributes__', '__type_params__',
        '__non_callable_proto_members__'})


    def runtime_checkable(cls):
        if not cls.__dict__.get('_is_protocol', False):
            raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r' % cls)
        attrs = []
        for base in cls.__mro__[:-1]:
            if base is Protocol or base is Generic:
                continue
            names = list(base.__dict__.get('__annotations__', {})) + list(base.__dict__)
            for attr in names:
                if not attr.startswith('_abc_') and attr not in _PROTOCOL_SPECIAL and attr not in attrs:
                    attrs.append(attr)
        cls.__protocol_attrs__ = attrs
        cls._is_runtime_protocol = True
        return cls


    _ORIGINS = {'List': list, 'Dict': dict, 'Set': set, 'FrozenSet': frozenset, 'Tuple': tuple, 'Type': type,
                'DefaultDict': collections.defaultdict, 'OrderedDict': collections.OrderedDict,
                'Counter': collections.Counter, 'Deque': collections.deque, 'ChainMap': collections.ChainMap}


    def _native_alias(tp, what):
        if type(tp).__name__ in ('GenericAlias', 'UnionType'):
            _lesson_refuse(what + ' of ' + type(tp).__name__, 'lesson answers it for typing\'s own forms (Literal, Union, Optional, List...) only yet')


    def get_origin(tp):
        _native_alias(tp, 'typing.get_origin()')
        if isinstance(tp, _GenericAlias):
            origin = tp.__origin__
            if isinstance(origin, _SpecialForm) and origin._name in _ORIGINS:
                return _ORIGINS[origin._name]
            if isinstance(origin, _SpecialForm) and origin._name not in (
                    'Union', 'Literal', 'Annotated', 'ClassVar', 'Final', 'Concatenate', 'TypeGuard', 'Required',
                    'NotRequired', 'ReadOnly', 'TypeIs'):
                _lesson_refuse('typing.get_origin() of typing.' + origin._name,
                               'its origin is a collections.abc class, which lesson does not have yet')
            return origin
        if tp is Generic:
            return Generic
        return None


    def get_args(tp):
        _native_alias(tp, 'typing.get_args()')
        if isinstance(tp, _GenericAlias):
            if tp._callable_list:
                return (list(tp.__args__[:-1]), tp.__args__[-1])
            return tp.__args__
        return ()


    def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
        hints = getattr(obj, '__annotations__', None)
        if hints is None:
            return {}
        # What lesson returns as it is: annotations that are already classes or typing's forms.
        # Python evaluates a string (a forward reference), turns None into NoneType, merges a
        # class's bases, and before 3.11 wraps a parameter that defaults to None in Optional.
        why = 'Python evaluates and completes the annotations, by version, which lesson does not reproduce yet'
        if isinstance(obj, type):
            for base in obj.__mro__[1:]:
                if base is not object and getattr(base, '__annotations__', None):
                    _lesson_refuse('typing.get_type_hints() of a class whose bases are annotated', why)
        for value in hints.values():
            if value is None or isinstance(value, str):
                _lesson_refuse('typing.get_type_hints() of a ' + ('None' if value is None else 'string') + ' annotation', why)
        if sys.version_info < (3, 11) and None in (getattr(obj, '__defaults__', None) or ()):
            _lesson_refuse('typing.get_type_hints() of a parameter that defaults to None', why)
        if None in (getattr(obj, '__kwdefaults__', None) or {}).values() and sys.version_info < (3, 11):
            _lesson_refuse('typing.get_type_hints() of a parameter that defaults to None', why)
        return dict(hints)


    def NewType(name, tp):
        def new_type(x):
            return x
        new_type.__name__ = name
        new_type.__qualname__ = name
        new_type.__supertype__ = tp
        return new_type


    class NamedTuple(tuple):
        def __init_subclass__(cls, **kwargs):
            annotations = cls.__dict__.get('__annotations__', {})
            fields = list(annotations)
            defaults = []
            default_names = []
            for name in fields:
                if name in cls.__dict__:
                    defaults.append(cls.__dict__[name])
                    default_names.append(name)
                elif default_names:
                    raise TypeError(f"Non-default namedtuple field {name} cannot follow default field"
                                    f"{'s' if len(default_names) > 1 else ''} {', '.join(default_names)}")
            for name in fields:
                if name.startswith('_'):
                    raise AttributeError('Cannot overwrite NamedTuple attribute ' + name)
            collections._lesson_install_namedtuple(cls, fields, tuple(defaults) if defaults else None)
            cls.__annotations__ = dict(annotations)
            cls._field_types = dict(annotations) if sys.version_info < (3, 9) else None
            del cls._field_types


    class Generic(object):
        def __class_getitem__(cls, params):
            if cls is Protocol or Protocol in cls.__bases__:
                return cls
            if not isinstance(params, tuple):
                params = (params,)
            if cls is Generic:
                # `Generic[T, ...]`: the parameters of the class that names it as a base.
                for p in params:
                    if not isinstance(p, TypeVar):
                        _lesson_refuse('Generic[...] of something other than type variables',
                                       "Python's TypeError for it is not reproduced by lesson yet")
                return _GenericAlias(cls, params)
            params = tuple(_convert(p) for p in params)
            expected = len(cls.__dict__.get('__parameters__', ()))
            if expected == 0:
                _lesson_refuse(f'{cls.__qualname__}[...] of a class that is not generic',
                               "Python's TypeError for it is not reproduced by lesson yet")
            if len(params) != expected:
                if len(params) > expected:
                    raise TypeError(f'Too many arguments for {cls}; actual {len(params)}, expected {expected}')
                at_least = 'at least ' if sys.version_info >= (3, 13) else ''
                raise TypeError(f'Too few arguments for {cls}; actual {len(params)}, expected {at_least}{expected}')
            return _GenericAlias(cls, params)

        def __init_subclass__(cls, *args, **kwargs):
            super().__init_subclass__(*args, **kwargs)
            # Generic's own `__init_subclass__`: the class's type variables are those of the
            # aliases it was written with (`class Box(Generic[T])`, `class Sub(Box[T])`).
            if '__orig_bases__' in cls.__dict__:
                if Generic in cls.__orig_bases__:
                    raise TypeError('Cannot inherit from plain Generic')
                tvars = _collect_parameters(cls.__orig_bases__)
                for base in cls.__orig_bases__:
                    if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                        if not all(any(t is g for g in base.__parameters__) for t in tvars):
                            _lesson_refuse('a type variable not listed in Generic[...]',
                                           "Python's TypeError for it is not reproduced by lesson yet")
                        tvars = base.__parameters__
            else:
                if Generic in cls.__bases__ and cls.__name__ != 'Protocol':
                    raise TypeError('Cannot inherit from plain Generic')
                tvars = ()
            cls.__parameters__ = tuple(tvars)


    class Protocol(object):
        def __class_getitem__(cls, params):
            return cls

        def __init_subclass__(cls, **kwargs):
            super().__init_subclass__(**kwargs)
            if not cls.__dict__.get('_is_protocol', False):
                cls._is_protocol = any(b is Protocol for b in cls.__bases__)


    class TypedDict(dict):
        """A class whose instances are plain dicts: `class Result(TypedDict): name: str`."""

        def __new__(cls, *args, **kwargs):
            if cls is TypedDict:
                # The functional form: TypedDict("Result", {"name": str}, total=True).
                if len(args) >= 1 and isinstance(args[0], str):
                    fields = args[1] if len(args) > 1 else {}
                    return type(args[0], (TypedDict,), {'__annotations__': dict(fields)})
                raise TypeError("TypedDict takes a name and a dict of fields")
            return dict(*args, **kwargs)

        def __init_subclass__(cls, total=True, **kwargs):
            super().__init_subclass__(**kwargs)
            annotations = {}
            for base in reversed(cls.__mro__[1:]):
                annotations.update(base.__dict__.get('__annotations__', {}))
            own = cls.__dict__.get('__annotations__', {})
            annotations.update(own)
            required = set()
            optional = set()
            for base in cls.__bases__:
                required.update(base.__dict__.get('__required_keys__', ()))
                optional.update(base.__dict__.get('__optional_keys__', ()))
            for key, value in own.items():
                form = value.__origin__ if isinstance(value, _GenericAlias) else None
                if isinstance(form, _SpecialForm) and form._name == 'Required':
                    is_required = True
                elif isinstance(form, _SpecialForm) and form._name == 'NotRequired':
                    is_required = False
                else:
                    is_required = total
                if is_required:
                    required.add(key)
                    optional.discard(key)
                else:
                    optional.add(key)
                    required.discard(key)
            cls.__annotations__ = annotations
            cls.__required_keys__ = frozenset(required)
            cls.__optional_keys__ = frozenset(optional)
            cls.__total__ = total
    """#
}
