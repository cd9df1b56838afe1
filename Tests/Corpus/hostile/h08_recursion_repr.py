import asyncio


class Result:
    def __init__(self, name, status):
        self.name = name
        self.status = status

    def __repr__(self):
        return f"Result({self!r})"  # meant self.name!r


async def call_tool(name):
    await asyncio.sleep(0.1)
    return Result(name, "ok")


async def main():
    results = await asyncio.gather(call_tool("search"), call_tool("database"))
    print(results)


asyncio.run(main())
