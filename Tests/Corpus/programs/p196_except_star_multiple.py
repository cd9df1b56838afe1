import asyncio


async def call_tool(name, delay, error=None):
    await asyncio.sleep(delay)
    if error:
        raise error(name)
    return f"{name}:ok"


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(call_tool("a", 0.1, ValueError))
            tg.create_task(call_tool("b", 0.1, KeyError))
            tg.create_task(call_tool("c", 0.1))
            tg.create_task(call_tool("d", 0.2))
    except* ValueError as g:
        print("value errors:", [str(e) for e in g.exceptions])
    except* KeyError as g:
        print("key errors:", [repr(e) for e in g.exceptions])


asyncio.run(main())
