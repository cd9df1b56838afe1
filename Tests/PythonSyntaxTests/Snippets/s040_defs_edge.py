def a(): pass
def b(x): pass
def c(x, y=1): pass
def d(*, x): pass
def e(*args): pass
def f(**kwargs): pass
def g(x, /): pass
def h(x, /, y): pass
def i(x=1, /, y=2): pass
def j(x, *, y=1, z): pass
def k(x: int, *args: int, y: str = "", **kwargs: dict) -> list[int]: pass
async def l(): return await x
def m(x,): pass
def n(*args,): pass
def o(**kwargs,): pass
def p(a, b, /, c, d, *e, f, g, **h): pass
lambda *, x: x
lambda *a, **k: 0
lambda x=1, /: x
class A(): pass
class B(object,): pass
class C(metaclass=M): pass
class D(*bases): pass
