import asyncio
import time


def parse(doc):
    time.sleep(0.05 * len(doc))
    return doc.upper()


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(2)

    async def one(doc):
        async with sem:
            return await loop.run_in_executor(None, parse, doc)

    start = loop.time()
    out = await asyncio.gather(*(one(d) for d in ["ab", "cde", "f", "ghij"]))
    print(out, round(loop.time() - start, 3))


asyncio.run(main())
