import asyncio

print(asyncio.TimeoutError is TimeoutError)
print(asyncio.TimeoutError.__name__, asyncio.CancelledError.__mro__[1].__name__)


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.1)
    except TimeoutError:
        print("caught builtin TimeoutError")
    except asyncio.TimeoutError as e:
        print("caught asyncio.TimeoutError", repr(e))


asyncio.run(main())
