"""A learner makes futures with loop.create_future() and finishes them from timers: the ones whose
exception is read or awaited are quiet, and the one nobody asks about is reported by asyncio."""
import asyncio


class ToolError(Exception):
    pass


async def main():
    loop = asyncio.get_running_loop()
    ok = loop.create_future()
    failed = loop.create_future()
    asked = loop.create_future()
    forgotten = loop.create_future()
    loop.call_later(0.1, ok.set_result, "search:ok")
    loop.call_later(0.2, failed.set_exception, ToolError("db down"))
    loop.call_later(0.3, asked.set_exception, ToolError("quota"))
    loop.call_later(0.4, forgotten.set_exception, ToolError("never read"))
    ok.add_done_callback(lambda f: print("callback:", f.result()))
    print(await ok)
    try:
        await failed
    except ToolError as error:
        print("caught:", error)
    await asyncio.sleep(0.35)
    print("asked:", repr(asked.exception()))
    await asyncio.sleep(0.1)
    print("forgotten done:", forgotten.done())


asyncio.run(main())
print("after the run")
