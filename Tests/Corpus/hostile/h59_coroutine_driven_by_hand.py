# Driving a coroutine by hand with send(): CPython steps into asyncio.sleep, which asks for a
# running loop and fails inside asyncio's own code; lesson refuses it at the learner's line.
import asyncio


async def tool():
    await asyncio.sleep(0.1)
    return "tool:ok"


coro = tool()
try:
    coro.send(None)
except StopIteration as done:
    print(done.value)
