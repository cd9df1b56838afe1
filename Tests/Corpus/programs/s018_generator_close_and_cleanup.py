# A learner streams tool names from a generator with cleanup, closes it by hand, and checks
# what a closed generator and a finished coroutine say.
import asyncio


def tool_names(names):
    try:
        for name in names:
            yield name
    finally:
        print("tool_names: cleanup")


def stubborn():
    try:
        yield "first"
    except GeneratorExit:
        yield "refuses to stop"


async def call_tool(name):
    await asyncio.sleep(0.1)
    return f"{name}:ok"


async def main():
    names = tool_names(["search", "db", "rerank"])
    first = [next(names), next(names)]
    names.close()  # the finally runs now
    names.close()  # a second close does nothing
    print(first, names.gi_yieldfrom, list(names))
    s = stubborn()
    next(s)
    try:
        s.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    for _ in s:  # runs it to its end, so nothing is left suspended
        pass
    coro = call_tool("spare")
    print(coro.cr_await)
    coro.close()
    results = await asyncio.gather(*(call_tool(n) for n in first))
    print(results)


asyncio.run(main())
