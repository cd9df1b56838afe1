def f(a, b=1, /, c=2, *args, d, e=3, **kwargs) -> "int":
    """Docstring."""
    return a + b


def g(*, key): pass
def h(a, /): return
lambda: 0
lambda x, *y, z=1, **w: (x, y, z, w)
lambda a, /, b: a
@decorator
@decorator.with_args(1, key=2)
@(lambda f: f)
def decorated(x: int = 1, *args: str, **kw: "float") -> None:
    global counter
    nonlocal_ = 1
    del nonlocal_
