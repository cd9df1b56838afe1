async def main():
    await asyncio.sleep(0)
    x = await a + await b
    y = [await z for z in w]
    async for a in b:
        pass
    async with a as b:
        pass
    await (await x)
    return await asyncio.gather(*[t() for t in ts], return_exceptions=True)
async def gen():
    yield 1
    async for x in y:
        yield x
