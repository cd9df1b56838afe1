import asyncio


def tool_names():
    yield "search"
    yield "database"


async def main():
    gen = tool_names()
    next(gen)
    frame = gen.gi_frame.f_back
    print(frame)
    await asyncio.sleep(0.1)


asyncio.run(main())
