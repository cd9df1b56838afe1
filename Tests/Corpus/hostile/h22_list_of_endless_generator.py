import asyncio


def tool_names():
    n = 0
    while True:
        yield f"tool{n}"
        n += 1


async def main():
    names = list(tool_names())
    print(len(names))


asyncio.run(main())
