# Modern annotations: X | None in signatures, evaluated when the function is defined.
from typing import Optional
def f(a: float | None = None, b: "list[int] | str" = "x") -> list[int] | None:
    return a
print(f(1.5), f.__annotations__["a"], f.__annotations__["return"])
print(int | str, int | int, int | None | str | int, isinstance(3, int | str), isinstance(None, int | None))
print((int | str) == (int | str), list[int] | None, int | Optional[str])
try:
    3 | int
except TypeError as e:
    print(e)
class A: pass
print(A | None)
