import asyncio

TOOLS = [("search", 0.1), ("database", 0.2), ("heartbeat", 0)]


async def call_tool(name, delay):
    if name == "heartbeat":
        beats = 0
        while True:  # keep the service warm
            beats += 1
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(*(call_tool(n, d) for n, d in TOOLS))
    print(results)


asyncio.run(main())
