import asyncio
from contextlib import ExitStack, AsyncExitStack, contextmanager, asynccontextmanager, suppress

@contextmanager
def res(name, fail=False):
    print("open", name)
    try:
        yield name
        if fail:
            raise ValueError(f"{name} failed on exit")
    finally:
        print("close", name)

class Swallow:
    def __enter__(self): return self
    def __exit__(self, et, e, tb):
        print("swallow sees", et.__name__ if et else None)
        return True

with ExitStack() as st:
    names = [st.enter_context(res(n)) for n in ("a", "b")]
    st.callback(print, "callback ran", names)
print("--")
try:
    with ExitStack() as st:
        st.enter_context(res("x", fail=True))
        st.enter_context(res("y"))
        raise KeyError("inner")
except Exception as e:
    print("got", type(e).__name__, e, "context:", repr(e.__context__))
with ExitStack() as st:
    st.enter_context(Swallow())
    raise RuntimeError("hidden")
print("after swallow")
try:
    with ExitStack() as st:
        st.enter_context(5)
except Exception as e:
    print(type(e).__name__, e)
with ExitStack() as outer:
    outer.enter_context(res("moved"))
    moved = outer.pop_all()
print("popped, not closed yet")
moved.close()

@asynccontextmanager
async def conn(n):
    print("connect", n)
    await asyncio.sleep(0.1)
    try:
        yield n
    finally:
        await asyncio.sleep(0.05)
        print("disconnect", n)

async def main():
    async with AsyncExitStack() as st:
        cs = [await st.enter_async_context(conn(i)) for i in range(3)]
        st.push_async_callback(asyncio.sleep, 0.01)
        st.callback(print, "sync cb")
        print("using", cs)
    print("loop time", asyncio.get_running_loop().time())

asyncio.run(main())
