import asyncio


async def fetch_page(name, page):
    # follow the "next" link forever
    return await fetch_page(name, page + 1)


async def main():
    results = await asyncio.gather(fetch_page("search", 1), fetch_page("database", 1))
    print(results)


asyncio.run(main())
