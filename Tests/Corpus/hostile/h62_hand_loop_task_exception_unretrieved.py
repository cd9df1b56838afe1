# A task on a loop run by hand fails and nothing asks about it: CPython logs it when the task is freed.
import asyncio
async def f():
    raise ValueError("x")
loop = asyncio.new_event_loop()
t = loop.create_task(f())
loop.run_until_complete(asyncio.sleep(0.1))
del t
print("after")
