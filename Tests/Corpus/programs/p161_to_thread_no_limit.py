import asyncio
import time


def resize(name, seconds):
    time.sleep(seconds)
    return f"{name}:resized"


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(*(asyncio.to_thread(resize, f"img{i}", 0.1 * i) for i in range(1, 5)))
    print(results)
    print(f"elapsed {time.perf_counter() - start:.2f}s (threads overlap)")


asyncio.run(main())
