/// `dataclasses`: `@dataclass` generates `__init__`, `__repr__`, `__eq__` and the order methods as text
/// and compiles them, as CPython does; `field`, `fields`, `asdict`, `astuple`, `replace`.
enum DataclassesModule {
  static func make(_ m: Machine) throws -> ModuleObject {
    try SourceModule.load(m, name: "dataclasses", source: source, natives: [SourceModule.exec, SourceModule.refuse, usesClassCell],
                          values: [("FrozenInstanceError", Dataclasses.frozenInstanceError)])
  }

  /// Whether a function of the class uses `__class__` (`super()` with no arguments): CPython's
  /// slotted dataclass is a new class, and such a function still names the old one.
  static var usesClassCell: (String, BuiltinFunctionObject.Body) { ("_lesson_uses_class_cell", { _, a in
    guard let d = a.positional.first as? DictObject else { return BoolObject.of(false) }
    for v in d.pairs.map(\.1) {
      let f = (v as? FunctionObject) ?? ((v as? DescriptorObject)?.function as? FunctionObject)
      if let f, f.code.freevars.contains("__class__") { return BoolObject.of(true) }
    }
    return BoolObject.of(false)
  }) }

  /// The module's Python text.
  static let source = #"""
import sys


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _KW_ONLY_TYPE:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen
        if sys.version_info >= (3, 12):
            self.match_args = match_args
            self.kw_only = kw_only
            self.slots = slots
            self.weakref_slot = weakref_slot

    def __repr__(self):
        text = ('_DataclassParams('
                f'init={self.init!r},repr={self.repr!r},eq={self.eq!r},order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},frozen={self.frozen!r}')
        if sys.version_info >= (3, 12):
            text += (f',match_args={self.match_args!r},kw_only={self.kw_only!r},slots={self.slots!r},'
                     f'weakref_slot={self.weakref_slot!r}')
        return text + ')'


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type=_FIELD)')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None,
          kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith('ClassVar') or text.startswith('typing.ClassVar')


def _get_field(cls, name, type, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = type
    if f.kw_only is MISSING:
        f.kw_only = default_kw_only
    if isinstance(f.default, (list, dict, set)) or (sys.version_info >= (3, 11) and f.default is not MISSING
                                                     and type_hash_is_none(f.default)):
        raise ValueError(f'mutable default {type_name(f.default)} for field {f.name} is not allowed: use default_factory')
    return f


def type_hash_is_none(value):
    return value.__class__.__hash__ is None


def type_name(value):
    return repr(value.__class__)


def _fields_in_init_order(fields):
    return (tuple(f for f in fields if f.init and not f.kw_only), tuple(f for f in fields if f.init and f.kw_only))


def _init_source(cls, fields, std_fields, kw_only_fields, frozen, has_post_init, locals):
    seen_default = None
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = f
            elif seen_default:
                if sys.version_info >= (3, 13):
                    raise TypeError(f'non-default argument {f.name!r} follows default argument {seen_default.name!r}')
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    params = []
    for f in std_fields + kw_only_fields:
        if f.default is MISSING and f.default_factory is MISSING:
            params.append(f.name)
        elif f.default is not MISSING:
            params.append(f'{f.name}=__dataclass_dflt_{f.name}__')
            locals[f'__dataclass_dflt_{f.name}__'] = f.default
        else:
            params.append(f'{f.name}=__dataclass_HAS_DEFAULT_FACTORY__')
    if kw_only_fields:
        params.insert(len(std_fields), '*')
    body = []
    for f in fields:
        if f.default_factory is not MISSING:
            locals[f'__dataclass_dflt_{f.name}__'] = f.default_factory
            if f.init:
                value = f'__dataclass_dflt_{f.name}__() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}'
            else:
                value = f'__dataclass_dflt_{f.name}__()'
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            locals[f'__dataclass_dflt_{f.name}__'] = f.default
            value = f'__dataclass_dflt_{f.name}__'
        else:
            continue
        if frozen:
            body.append(f'  __dataclass_object_setattr__(self, {f.name!r}, {value})')
        else:
            body.append(f'  self.{f.name} = {value}')
    if has_post_init:
        body.append('  self.__post_init__()')
    if not body:
        body = ['  pass']
    return 'def __init__(' + ', '.join(['self'] + params) + '):\n' + '\n'.join(body) + '\n'


_object_setattr = object.__setattr__


def _create(cls, name, text, locals):
    ns = dict(locals)
    ns['__dataclass_HAS_DEFAULT_FACTORY__'] = _HAS_DEFAULT_FACTORY
    ns['__dataclass_object_setattr__'] = _object_setattr
    _lesson_exec(text, ns)
    fn = ns[name]
    fn.__qualname__ = f'{cls.__qualname__}.{fn.__name__}'
    return fn


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _tuple_str(obj_name, fields):
    if not fields:
        return '()'
    return f'({",".join([f"{obj_name}.{f.name}" for f in fields])},)'


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot=False):
    fields = {}
    annotations = cls.__dict__.get('__annotations__', {})
    kw_only_now = kw_only
    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if base.__dataclass_params__.frozen:
                any_frozen_base = True
    for name in annotations:
        ftype = annotations[name]
        if ftype is KW_ONLY or (isinstance(ftype, str) and ftype in ('KW_ONLY', 'dataclasses.KW_ONLY')):
            kw_only_now = True
            continue
        if _is_classvar(ftype):
            continue
        if isinstance(ftype, InitVar):
            _lesson_refuse('InitVar', 'dataclass InitVar fields are not run by lesson yet')
        f = _get_field(cls, name, ftype, kw_only_now)
        fields[name] = f
        if isinstance(cls.__dict__.get(name), Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    for name in cls.__dict__:
        value = cls.__dict__[name]
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                                                weakref_slot)
    all_fields = list(fields.values())
    std_fields, kw_only_fields = _fields_in_init_order(all_fields)
    if init:
        locals = {}
        text = _init_source(cls, all_fields, std_fields, kw_only_fields, frozen, hasattr(cls, '__post_init__'), locals)
        _set_new_attribute(cls, '__init__', _create(cls, '__init__', text, locals))
    if repr:
        flds = [f for f in all_fields if f.repr]
        parts = ', '.join([f'{f.name}={{self.{f.name}!r}}' for f in flds])
        # As dataclasses' _recursive_repr: an object met again inside its own repr is '...'.
        text = ('def __repr__(self):\n  key = id(self)\n  if key in __dataclass_running__:\n    return "..."\n'
                '  __dataclass_running__.add(key)\n  try:\n'
                '    return self.__class__.__qualname__ + f"(' + parts + ')"\n'
                '  finally:\n    __dataclass_running__.discard(key)\n')
        running = set()
        fn = _create(cls, '__repr__', text, {'__dataclass_running__': running})
        # CPython's is a wrapper (functools.wraps) around the function it generated, which pprint
        # looks for to print a dataclass field by field.
        wrapped = _create(cls, '__repr__', text, {'__dataclass_running__': running})
        wrapped.__qualname__ = '__create_fn__.<locals>.__repr__'
        fn.__wrapped__ = wrapped
        _set_new_attribute(cls, '__repr__', fn)
    if eq:
        flds = [f for f in all_fields if f.compare]
        text = ('def __eq__(self, other):\n  if other.__class__ is self.__class__:\n'
                f'    return {_tuple_str("self", flds)} == {_tuple_str("other", flds)}\n'
                '  return NotImplemented\n')
        _set_new_attribute(cls, '__eq__', _create(cls, '__eq__', text, {}))
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        flds = [f for f in all_fields if f.compare]
        for name, op in [('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')]:
            text = (f'def {name}(self, other):\n  if other.__class__ is self.__class__:\n'
                    f'    return {_tuple_str("self", flds)} {op} {_tuple_str("other", flds)}\n'
                    '  return NotImplemented\n')
            if _set_new_attribute(cls, name, _create(cls, name, text, {})):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. Consider using functools.total_ordering')
    if frozen:
        names = tuple(f.name for f in all_fields)

        def __setattr__(self, name, value):
            if type(self) is cls or name in names:
                raise FrozenInstanceError(f'cannot assign to field {name!r}')
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in names:
                raise FrozenInstanceError(f'cannot delete field {name!r}')
            del self.__dict__[name]

        __setattr__.__qualname__ = f'{cls.__qualname__}.__setattr__'
        __delattr__.__qualname__ = f'{cls.__qualname__}.__delattr__'
        if _set_new_attribute(cls, '__setattr__', __setattr__):
            raise TypeError(f'Cannot overwrite attribute __setattr__ in class {cls.__name__}')
        _set_new_attribute(cls, '__delattr__', __delattr__)
    has_own_hash = '__hash__' in cls.__dict__
    if unsafe_hash or (eq and frozen):
        flds = [f for f in all_fields if (f.compare if f.hash is None else f.hash)]
        text = f'def __hash__(self):\n  return hash({_tuple_str("self", flds)})\n'
        if not has_own_hash or unsafe_hash:
            if has_own_hash and unsafe_hash:
                raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
            setattr(cls, '__hash__', _create(cls, '__hash__', text, {}))
    elif eq and not has_own_hash:
        cls.__hash__ = None
    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_fields))
    if weakref_slot:
        _lesson_refuse('dataclass(weakref_slot=True)', 'weak references are not run by lesson')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    return cls


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return ()
    if isinstance(slots, str):
        return (slots,)
    return tuple(slots)


def _add_slots(cls, is_frozen, weakref_slot):
    cls_dict = dict(cls.__dict__)
    if _lesson_uses_class_cell(cls_dict):
        _lesson_refuse('super() in a dataclass(slots=True)',
                       'Python makes the slotted class anew, and super() there still names the old class')
    if '__slots__' in cls_dict:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    field_names = tuple(f.name for f in fields(cls))
    if sys.version_info >= (3, 11):
        inherited = set()
        for base in cls.__mro__[1:-1]:
            inherited.update(_get_slots(base))
        extra = ('__weakref__',) if weakref_slot else ()
        cls_dict['__slots__'] = tuple(n for n in field_names + extra if n not in inherited)
    else:
        cls_dict['__slots__'] = field_names
    for field_name in field_names:
        cls_dict.pop(field_name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(fields.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(obj[k], dict_factory)) for k in obj)
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(obj[k], tuple_factory)) for k in obj)
    return obj


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
"""#
}
