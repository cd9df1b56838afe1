"""A learner streams tool results through asynchronous generator expressions: squares of an async
generator, a filtered one inside an async comprehension, awaits inside one, and closing one early."""
import asyncio

async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

async def double(x):
    await asyncio.sleep(0.01)
    return 2 * x

async def main():
    squares = (i * i async for i in ticks(4))
    print(type(squares).__name__)
    async for s in squares:
        print("square", s)
    evens = [x async for x in (i async for i in ticks(6) if i % 2 == 0)]
    print(evens)
    doubled = (await double(x) for x in range(3))
    print([d async for d in doubled])
    g = (i async for i in ticks(3))
    print(await g.__anext__(), await anext(g))
    await g.aclose()
    try:
        print(await g.__anext__())
    except StopAsyncIteration:
        print("closed")
    total = 0
    async for v in (x + 1 async for x in ticks(3)):
        total += v
    print("total", total)

asyncio.run(main())
print("elapsed done")
