import asyncio


async def main():
    results = ["search:ok"]
    while True:
        results = results + results  # "stress test" the report


asyncio.run(main())
