import asyncio
import concurrent.futures
from concurrent.futures import TimeoutError as FuturesTimeout


async def tool(d):
    await asyncio.sleep(d)
    return d


async def main():
    print(concurrent.futures.TimeoutError, concurrent.futures.CancelledError)
    print(concurrent.futures.TimeoutError is TimeoutError, concurrent.futures.TimeoutError is asyncio.TimeoutError)
    print(issubclass(concurrent.futures.CancelledError, Exception), concurrent.futures.CancelledError.__mro__)
    print(concurrent.futures.FIRST_COMPLETED, concurrent.futures.ALL_COMPLETED)
    try:
        await asyncio.wait_for(tool(1), 0.1)
    except FuturesTimeout as e:
        print("caught as futures timeout", type(e).__name__)
    except asyncio.TimeoutError as e:
        print("caught as asyncio timeout", type(e))
    raise concurrent.futures.TimeoutError("deadline")


asyncio.run(main())
