import asyncio


class RateLimited(Exception):
    """The provider said slow down."""


async def call(name, delay):
    await asyncio.sleep(delay)
    if name == "openai":
        raise RateLimited(f"429 from {name}: retry after {delay * 10:.0f}s")
    return name


async def guarded(sem, name, delay):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, delay), timeout=1.0)
        except asyncio.TimeoutError:
            return None


async def main():
    sem = asyncio.Semaphore(2)
    tools = ["anthropic", "openai", "mistral"]
    results = await asyncio.gather(*(guarded(sem, t, 0.1 * (i + 1)) for i, t in enumerate(tools)))
    print("never printed", results)


if __name__ == "__main__":
    print("starting batch")
    asyncio.run(main())
