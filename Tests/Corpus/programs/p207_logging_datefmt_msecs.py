import asyncio
import logging

logging.basicConfig(format="%(asctime)s.%(msecs)03d %(message)s", datefmt="%H:%M:%S", level=logging.INFO)


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            logging.info("%s ok", name)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            logging.info("%s timeout", name)
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in [("search", 0.1), ("database", 0.2), ("rerank", 0.05), ("embed", 0.12)]))
    print(results)


asyncio.run(main())
