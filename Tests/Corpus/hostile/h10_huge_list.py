import asyncio


async def main():
    slots = [0] * 10**9  # preallocate one slot per possible request
    print(len(slots))


asyncio.run(main())
