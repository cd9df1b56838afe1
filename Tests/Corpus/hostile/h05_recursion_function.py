import asyncio


def backoff(attempt):
    # exponential backoff, computed recursively (no base case)
    return backoff(attempt + 1) * 2


async def main():
    print("starting batch")
    print("first delay:", backoff(1))


asyncio.run(main())
