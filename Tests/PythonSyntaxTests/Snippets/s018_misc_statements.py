assert x, "message"
assert y
raise
raise ValueError
raise ValueError("x") from None
global a, b
pass
x = ...
print(*args, sep="", end="\n", file=sys.stderr, flush=True)
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from other()
    await_ = 1
    return (yield)
