import asyncio


class ToolError(Exception):
    def __init__(self, tool, message):
        super().__init__(f"[{tool}] {message}")
        self.tool = tool


class ToolTimeout(ToolError):
    pass


async def call(name, delay):
    await asyncio.sleep(delay)
    if name == "parse":
        return int("twelve")
    return name


async def guarded(sem, name, delay):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, delay), timeout=0.2)
        except asyncio.TimeoutError as exc:
            raise ToolTimeout(name, "too slow") from exc
        except ValueError as exc:
            raise ToolError(name, "bad output") from exc


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("fetch", 0.1), ("parse", 0.05), ("render", 0.3)]
    results = await asyncio.gather(*(guarded(sem, n, d) for n, d in plan), return_exceptions=True)
    timeouts = errors = 0
    for r in results:
        if isinstance(r, ToolTimeout):
            timeouts += 1
            print("timeout:", r, "| cause:", type(r.__cause__).__name__)
        elif isinstance(r, ToolError):
            errors += 1
            print("error:", r, "| cause:", repr(r.__cause__))
        else:
            print("ok:", r)
    print(f"timeouts={timeouts} errors={errors}")
    raise results[1]


asyncio.run(main())
