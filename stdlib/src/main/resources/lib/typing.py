"""Support for type hints (Gilt): the typing names programs import, with CPython's reprs.

Generic aliases such as List[int] record their origin and arguments (get_origin/get_args) and
can be instantiated and subclassed; nothing is checked at run time, as in CPython.
"""

import collections
import collections.abc
import functools
import operator
import sys
import types

__all__ = ['Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef', 'Generic',
           'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar', 'TypeVarTuple',
           'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable', 'ItemsView',
           'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView', 'MutableMapping',
           'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView', 'Awaitable',
           'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
           'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes', 'SupportsComplex',
           'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound', 'ChainMap', 'Counter',
           'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple',
           'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO', 'AnyStr',
           'assert_type', 'assert_never', 'cast', 'clear_overloads', 'dataclass_transform', 'final',
           'get_args', 'get_origin', 'get_overloads', 'get_type_hints', 'is_typeddict', 'LiteralString',
           'Never', 'NewType', 'no_type_check', 'no_type_check_decorator', 'NoReturn', 'NotRequired',
           'overload', 'override', 'ParamSpecArgs', 'ParamSpecKwargs', 'Required', 'reveal_type',
           'runtime_checkable', 'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack']

TYPE_CHECKING = False


def _type_repr(obj):
    """repr of a type argument as typing shows it (classes by qualified name)."""
    if isinstance(obj, type) and not isinstance(obj, _GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    if isinstance(obj, (list, tuple)) and not isinstance(obj, _GenericAlias):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)


def _type_check(arg, msg=None):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class _Final:
    __slots__ = ()


class _SpecialForm(_Final):
    """A special typing construct (Any, Union, Optional, ClassVar, ...)."""

    def __init__(self, name, getitem=None, doc=''):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


class _GenericAlias(_Final):
    """X[args]: a subscripted generic (List[int], Union[int, str], MyGeneric[T])."""

    def __init__(self, origin, args, *, name=None, inst=True, special_repr=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._inst = inst
        self._special_repr = special_repr
        self.__parameters__ = tuple(a for a in args if isinstance(a, TypeVar))

    def __repr__(self):
        if self._special_repr is not None:
            return self._special_repr(self)
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join([_type_repr(a) for a in self.__args__])
        else:
            args = '()'
        return f'{name}[{args}]'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _GenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            if self.__origin__ is not Generic and not (isinstance(self.__origin__, type)
                                                       and issubclass(self.__origin__, Generic)):
                pass
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ('__origin__', '__args__', '_name', '_inst', '_special_repr', '__parameters__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        subst = dict(zip(self.__parameters__, params))
        new_args = tuple(subst.get(a, a) if isinstance(a, TypeVar) else a for a in self.__args__)
        return _GenericAlias(self.__origin__, new_args, name=self._name, inst=self._inst,
                             special_repr=self._special_repr)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __reduce__(self):
        return operator.getitem, (self.__origin__, self.__args__)


class _SpecialGenericAlias(_Final):
    """The unsubscripted aliases List, Dict, Iterable...: subscripting gives a _GenericAlias."""

    def __init__(self, origin, nparams, *, inst=True, name=None):
        self.__origin__ = origin
        self._nparams = nparams
        self._inst = inst
        self._name = name or origin.__name__

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p) for p in params)
        if self._nparams >= 0 and len(params) != self._nparams and not (self._name == 'Tuple'):
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} arguments for {self};"
                            f" actual {len(params)}, expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self._name

    def __getattr__(self, attr):
        if attr in ('__origin__', '_nparams', '_inst', '_name'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


# ---- special forms ------------------------------------------------------------------------------

def _any_getitem(self, params):
    raise TypeError(f"{self} is not subscriptable")


Any = _SpecialForm('Any', doc="Special type indicating an unconstrained type.")
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')


def _flatten_union(params):
    out = []
    for p in params:
        if isinstance(p, _GenericAlias) and p.__origin__ is Union:
            out.extend(p.__args__)
        elif isinstance(p, types.UnionType if types.UnionType else ()):
            out.extend(p.__args__)
        else:
            out.append(p)
    dedup = []
    for p in out:
        if p not in dedup:
            dedup.append(p)
    return tuple(dedup)


def _union_repr(alias):
    args = alias.__args__
    if len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return f'typing.Optional[{_type_repr(other)}]'
    return 'typing.Union[' + ', '.join(_type_repr(a) for a in args) + ']'


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = tuple(_type_check(p) for p in parameters)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    return _GenericAlias(Union, parameters, special_repr=_union_repr, inst=False)


def _optional_getitem(self, parameters):
    arg = _type_check(parameters)
    return Union[arg, type(None)]


Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)


def _single_getitem(name):
    def getitem(self, parameters):
        item = _type_check(parameters)
        return _GenericAlias(self, (item,), special_repr=lambda a: f'typing.{name}[{_type_repr(a.__args__[0])}]')
    return getitem


ClassVar = _SpecialForm('ClassVar', _single_getitem('ClassVar'))
Final = _SpecialForm('Final', _single_getitem('Final'))
Required = _SpecialForm('Required', _single_getitem('Required'))
NotRequired = _SpecialForm('NotRequired', _single_getitem('NotRequired'))
TypeGuard = _SpecialForm('TypeGuard', _single_getitem('TypeGuard'))
Unpack = _SpecialForm('Unpack', _single_getitem('Unpack'))


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters,
                         special_repr=lambda a: 'typing.Literal[' + ', '.join(repr(x) for x in a.__args__) + ']')


Literal = _SpecialForm('Literal', _literal_getitem)


def _concatenate_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters, special_repr=lambda a: 'typing.Concatenate[' + ', '.join(
        _type_repr(x) for x in a.__args__) + ']')


Concatenate = _SpecialForm('Concatenate', _concatenate_getitem)


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        return "typing.Annotated[{}, {}]".format(_type_repr(self.__origin__),
                                                 ", ".join(repr(a) for a in self.__metadata__))


class Annotated:
    """Add context specific metadata to a type: Annotated[int, 'meta']."""

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
        return _AnnotatedAlias(params[0], tuple(params[1:]))


# ---- TypeVar, ParamSpec, Generic, Protocol ------------------------------------------------------------

class TypeVar(_Final):
    """Type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False,
                 infer_variance=False):
        self.__name__ = name
        self.__constraints__ = tuple(constraints)
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        try:
            self.__module__ = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            self.__module__ = '__main__'

    def __repr__(self):
        if self.__infer_variance__:
            prefix = ''
        elif self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


class ParamSpecArgs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"


class ParamSpecKwargs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"


class ParamSpec(_Final):
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

    def __repr__(self):
        return '~' + self.__name__


def _own_attr(cls, name, default):
    """cls.__dict__.get(name, default), tolerating runtimes without __dict__ on metaclass instances."""
    try:
        return cls.__dict__.get(name, default)
    except AttributeError:
        value = getattr(cls, name, default)
        for base in cls.__mro__[1:]:
            if getattr(base, name, default) is value and value is not default:
                return default
        return value


class Generic:
    """Abstract base class for generic types: class C(Generic[T]): ..."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)):
                    raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables or parameter specification variables.")
            alias = _GenericAlias(cls, params, special_repr=lambda a: 'typing.' + a.__origin__.__name__ + '[' + ', '.join(
                _type_repr(x) for x in a.__args__) + ']')
            return alias
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        for base in _own_attr(cls, '__orig_bases__', ()):
            if isinstance(base, _GenericAlias):
                for a in base.__args__:
                    if isinstance(a, (TypeVar, ParamSpec)) and a not in tvars:
                        tvars.append(a)
        cls.__parameters__ = tuple(tvars)


class _ProtocolMeta(type(collections.abc.Iterable)):
    def __instancecheck__(cls, instance):
        if getattr(cls, '_is_protocol', False) and getattr(cls, '_is_runtime_protocol', False):
            for attr in _protocol_attrs(cls):
                if not hasattr(instance, attr):
                    return False
            return True
        return super().__instancecheck__(instance)


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in (
                    '__abstractmethods__', '__annotations__', '__weakref__', '_is_protocol',
                    '_is_runtime_protocol', '__dict__', '__args__', '__slots__', '__next_in_mro__',
                    '__parameters__', '__origin__', '__orig_bases__', '__extra__', '__tree_hash__',
                    '__doc__', '__subclasshook__', '__init__', '__new__', '__module__',
                    '_MutableMapping__marker', '__qualname__', '__protocol_attrs__',
                    '__non_callable_proto_members__', '__type_params__'):
                attrs.add(attr)
    return attrs


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping)."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not _own_attr(cls, '_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol (isinstance checks its members)."""
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


# ---- aliases of concrete collections ---------------------------------------------------------------

def _alias(origin, nparams, inst=True, name=None):
    return _SpecialGenericAlias(origin, nparams, inst=inst, name=name)


_abc = collections.abc
Hashable = _alias(_abc.Hashable, 0)
Awaitable = _alias(_abc.Awaitable, 1)
Coroutine = _alias(_abc.Coroutine, 3)
AsyncIterable = _alias(_abc.AsyncIterable, 1)
AsyncIterator = _alias(_abc.AsyncIterator, 1)
Iterable = _alias(_abc.Iterable, 1)
Iterator = _alias(_abc.Iterator, 1)
Reversible = _alias(_abc.Reversible, 1)
Sized = _alias(_abc.Sized, 0)
Container = _alias(_abc.Container, 1)
Collection = _alias(_abc.Collection, 1)
Callable = _SpecialGenericAlias(_abc.Callable, -1, name='Callable')
AbstractSet = _alias(_abc.Set, 1, name='AbstractSet')
MutableSet = _alias(_abc.MutableSet, 1)
Mapping = _alias(_abc.Mapping, 2)
MutableMapping = _alias(_abc.MutableMapping, 2)
Sequence = _alias(_abc.Sequence, 1)
MutableSequence = _alias(_abc.MutableSequence, 1)
ByteString = _alias(_abc.ByteString, 0)
Tuple = _SpecialGenericAlias(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(collections.deque, 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias(_abc.MappingView, 1)
KeysView = _alias(_abc.KeysView, 1)
ItemsView = _alias(_abc.ItemsView, 2)
ValuesView = _alias(_abc.ValuesView, 1)
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(_abc.Generator, 3)
AsyncGenerator = _alias(_abc.AsyncGenerator, 2)
Type = _alias(type, 1, inst=False, name='Type')
Text = str


def _callable_repr(alias):
    args = alias.__args__
    if len(args) == 2 and args[0] is ...:
        return f'typing.Callable[..., {_type_repr(args[1])}]'
    params, result = args[:-1], args[-1]
    return 'typing.Callable[[' + ', '.join(_type_repr(a) for a in params) + f'], {_type_repr(result)}]'


def _callable_getitem(params):
    if not isinstance(params, tuple) or len(params) != 2:
        raise TypeError("Callable must be used as Callable[[arg, ...], result].")
    args, result = params
    if args is Ellipsis:
        flat = (Ellipsis, result)
    else:
        flat = tuple(args) + (result,)
    return _GenericAlias(_abc.Callable, flat, name='Callable', special_repr=_callable_repr)


Callable.__getitem__ = None
type(Callable).__getitem__ = (lambda self, params: _callable_getitem(params) if self._name == 'Callable'
                              else _SpecialGenericAlias._orig_getitem(self, params))
_SpecialGenericAlias._orig_getitem = lambda self, params: _GenericAlias(
    self.__origin__, tuple(_type_check(p) for p in (params if isinstance(params, tuple) else (params,))),
    name=self._name, inst=self._inst)


class SupportsInt(Protocol):
    __slots__ = ()

    def __int__(self) -> int:
        pass


class SupportsFloat(Protocol):
    __slots__ = ()

    def __float__(self) -> float:
        pass


class SupportsComplex(Protocol):
    __slots__ = ()

    def __complex__(self) -> complex:
        pass


class SupportsBytes(Protocol):
    __slots__ = ()

    def __bytes__(self) -> bytes:
        pass


class SupportsIndex(Protocol):
    __slots__ = ()

    def __index__(self) -> int:
        pass


class SupportsAbs(Protocol):
    __slots__ = ()

    def __abs__(self):
        pass


class SupportsRound(Protocol):
    __slots__ = ()

    def __round__(self, ndigits: int = 0):
        pass


for _p in (SupportsInt, SupportsFloat, SupportsComplex, SupportsBytes, SupportsIndex, SupportsAbs, SupportsRound):
    _p._is_runtime_protocol = True
del _p

AnyStr = TypeVar('AnyStr', bytes, str)
ContextManager = _alias(__import__('contextlib').AbstractContextManager, 1, name='ContextManager')
AsyncContextManager = _alias(__import__('contextlib').AbstractAsyncContextManager, 1, name='AsyncContextManager')


class IO(Generic[AnyStr]):
    """Generic base class for TextIO and BinaryIO."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    __slots__ = ()


class TextIO(IO[str]):
    __slots__ = ()


class _PatternAlias:
    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        return _GenericAlias(self, (params,), name=self._name)


Pattern = _PatternAlias('Pattern')
Match = _PatternAlias('Match')


# ---- NamedTuple, TypedDict, NewType ------------------------------------------------------------------

def _make_nmtuple(name, types_, module, defaults=()):
    fields = [n for n, t in types_]
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = nm_tpl.__new__.__annotations__ = dict(types_)
    return nm_tpl


_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                         '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_special = frozenset({'__module__', '__name__', '__annotations__'})


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        assert _NamedTuple in bases
        types_ = ns.get('__annotations__', {})
        default_names = []
        for field_name in types_:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types_.items(), defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
        for key in ns:
            if key in _prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


class _NamedTupleFactory:
    """NamedTuple: typed namedtuple (class syntax, or NamedTuple('Emp', [('name', str)])).
    An object rather than a function so that __mro_entries__ is found on its type."""

    __name__ = __qualname__ = 'NamedTuple'
    __module__ = 'typing'

    def __call__(self, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        try:
            module = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
        return _make_nmtuple(typename, fields, module=module)

    def __mro_entries__(self, bases):
        return (_NamedTuple,)

    def __repr__(self):
        return '<function NamedTuple>'


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})
NamedTuple = _NamedTupleFactory()


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        for base in bases:
            annotations.update(_own_attr(base, '__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        tp_dict.__annotations__ = annotations
        tp_dict.__total__ = total
        tp_dict.__required_keys__ = frozenset(annotations) if total else frozenset()
        tp_dict.__optional_keys__ = frozenset() if total else frozenset(annotations)
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


class _TypedDictFactory:
    """TypedDict: a typed namespace; at run time a plain dict (class syntax or functional form)."""

    __name__ = __qualname__ = 'TypedDict'
    __module__ = 'typing'

    def __call__(self, typename, fields=None, /, *, total=True, **kwargs):
        if fields is None:
            fields = kwargs
        ns = {'__annotations__': dict(fields)}
        return _TypedDictMeta(typename, (), ns, total=total)

    def __mro_entries__(self, bases):
        return (_TypedDict,)

    def __repr__(self):
        return '<function TypedDict>'


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict = _TypedDictFactory()


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


class NewType:
    """NewType creates simple unique types with almost zero runtime overhead."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        try:
            self.__module__ = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            self.__module__ = '__main__'

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ForwardRef(_Final):
    """Internal wrapper to hold a forward reference."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        return eval(self.__forward_arg__, globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'


# ---- functions ----------------------------------------------------------------------------------

def cast(typ, val):
    """Cast a value to a type (returns the value unchanged)."""
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj, /):
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


_overload_registry = {}


def overload(func):
    """Decorator for overloaded functions/methods (the last, undecorated definition is used)."""
    try:
        key = getattr(func, '__qualname__', None)
        _overload_registry.setdefault(key, []).append(func)
    except Exception:
        pass

    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-ed.")
    return _overload_dummy


def get_overloads(func):
    return list(_overload_registry.get(getattr(func, '__qualname__', None), []))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    """Decorator to indicate final methods and final classes."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        frozen_default=False, field_specifiers=(), **kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default, "order_default": order_default,
            "kw_only_default": kw_only_default, "frozen_default": frozen_default,
            "field_specifiers": field_specifiers, "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


def get_origin(tp):
    """Get the unsubscripted version of a type (List[int] -> list, Union[...] -> Union)."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        return tp.__origin__
    if types.GenericAlias is not None and isinstance(tp, types.GenericAlias):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if types.UnionType is not None and isinstance(tp, types.UnionType):
        return types.UnionType
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed (Dict[int, str] -> (int, str))."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        res = tp.__args__
        if tp.__origin__ is _abc.Callable and not (len(res) == 2 and res[0] is Ellipsis):
            res = (list(res[:-1]), res[-1])
        return res
    if types.GenericAlias is not None and isinstance(tp, types.GenericAlias):
        return tp.__args__
    if types.UnionType is not None and isinstance(tp, types.UnionType):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object (string annotations evaluated)."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__, None), '__dict__', {})
            else:
                base_globals = globalns
            ann = base.__dict__.get('__annotations__', {})
            for name, value in ann.items():
                if value is None:
                    value = type(None)
                if isinstance(value, str):
                    value = eval(value, base_globals, dict(vars(base)) if localns is None else localns)
                hints[name] = value
        return hints
    if globalns is None:
        globalns = getattr(obj, '__globals__', {})
    hints = dict(getattr(obj, '__annotations__', None) or {})
    for name, value in hints.items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            value = eval(value, globalns, localns)
        hints[name] = value
    return hints
