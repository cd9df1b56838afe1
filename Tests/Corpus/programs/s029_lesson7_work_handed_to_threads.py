"""These steps compute on the CPU: each holds the event loop's single thread, so gather runs them one
after another. A thread or process pool (run_in_executor) runs them elsewhere."""
import asyncio
import time


def work(name, delay):
    time.sleep(delay)  # computing
    return f"{name}:ok"


async def call_tool(name, delay):
    return await asyncio.to_thread(work, name, delay)


async def main():
    results = await asyncio.gather(call_tool("resize_image", 0.3), call_tool("tokenize", 0.2), call_tool("score", 0.1))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
