import asyncio


async def main():
    results = []
    async with asyncio.timeout(None):
        await asyncio.sleep(0.1)
        results.append("no-deadline:ok")
    try:
        async with asyncio.timeout(0.3):
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(0.2)
            except TimeoutError:
                results.append("inner:timeout")
            await asyncio.sleep(0.5)
    except TimeoutError:
        results.append("outer:timeout")
    print(results, f"{asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
