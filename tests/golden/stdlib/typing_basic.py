import typing as t
print(repr(t.List[int]), repr(t.Optional[int]), repr(t.Union[int, str]), repr(t.Dict[str, t.List[int]]), repr(t.Callable[[int], str]), repr(t.Any), repr(t.Tuple[int, ...]))
print(t.List[int].__origin__, t.get_origin(t.List[int]), t.get_args(t.Dict[str, int]), repr(t.Literal['a', 1]), t.Union[int], repr(t.ClassVar[int]))
T = t.TypeVar('T'); print(repr(T), repr(t.List[T]))
class P(t.NamedTuple):
    x: int
    y: str = 'a'
print(P(1), P._fields, P._field_defaults, P.__annotations__)
class M(t.TypedDict):
    name: str
print(M(name='x'), type(M(name='x')))
print(t.get_type_hints(P), t.cast(int, '3'), repr(t.Sequence[int]), repr(t.Iterable), repr(t.Type[int]), repr(t.Optional[t.List[int]]))
class G(t.Generic[T]):
    pass
print(G[int], G.__parameters__, type(G()).__name__)
def f(a: int, b: 'str' = 'x') -> t.List[int]:
    return [a]
print(t.get_type_hints(f), isinstance([], t.List))
from typing import Optional, Union, List, Dict, Protocol, runtime_checkable, Any
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self):
        pass
print(isinstance(F(), Closer), isinstance(1, Closer))
def greet(name: Optional[str] = None) -> str:
    return f'hi {name}'
print(greet('x'), greet.__annotations__['name'] == Optional[str], Union[int, None] == Optional[int])
print(t.get_args(t.Callable[[int, str], bool]), t.get_args(Union[int, str]), t.get_origin(Union[int, str]) is Union)
UserId = t.NewType('UserId', int)
print(UserId(5), repr(UserId))
