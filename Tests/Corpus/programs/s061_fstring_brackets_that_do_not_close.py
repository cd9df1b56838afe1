"""A learner's f-string closes its field before the bracket inside it."""
import asyncio


async def main():
    results = ["search:ok", "slow:timeout"]
    await asyncio.sleep(0)
    print(f"first: {results[0}")


asyncio.run(main())
