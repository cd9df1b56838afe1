# A whole-batch deadline from outside: asyncio.run(asyncio.wait_for(main(), ...)); then the
# same batch once more with run_until_complete(asyncio.gather(...)) on a loop of one's own.
import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main(delays):
    return await asyncio.gather(*(call_tool(f"tool_{i}", d) for i, d in enumerate(delays)))


try:
    print(asyncio.run(asyncio.wait_for(main([0.1, 0.4]), timeout=0.25)))
except asyncio.TimeoutError:
    print("the whole batch took longer than 0.25 s")
print(asyncio.run(asyncio.wait_for(main([0.1, 0.2]), 1)))
print(asyncio.run(asyncio.sleep(0.05, result="slept")))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("after asyncio.run:", e)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
batch = asyncio.gather(call_tool("a", 0.3), call_tool("b", 0.1))
print(batch.done(), loop.run_until_complete(batch), round(loop.time(), 2))
loop.close()
