x = __debug__
print(*[1, 2], **{'sep': ''})
def f(a=lambda: 0, *, b=(1, 2), **c) -> "int": return a
result = (yield_ := 1)
del x[1:2], x[::2]
assert (x), "msg"
try:
    import json
except ImportError:
    json = None
else:
    pass
with a as (b, c), d as [e, f]:
    pass
for i, (a, b) in enumerate(pairs):
    pass
class C:
    """Doc."""
    x: int
    y: "str" = "s"
    def __init__(self, *args: int, **kwargs: str) -> None:
        super().__init__()
    @staticmethod
    def s(): ...
    @classmethod
    def c(cls): return cls()
    @property
    def p(self): return self._p
    @p.setter
    def p(self, value): self._p = value
async def g():
    async with a, b as c:
        pass
    result = [x async for x in aiter() if await x]
    return {k: await v for k, v in d.items()}
print(f"{'nested'!r}", end="")
x = [i for i in range(3) if (j := i) if j]
y = 1 if a else 2 if b else 3
z = not a is b
w = a if not b else c
v = lambda *args, **kwargs: (args, kwargs)
u = a[b][c].d(e)[f]
t = (a)(b)
s = "a" "b" f"{c}" "d"
