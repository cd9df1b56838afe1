import asyncio


def main():
    return ["search:ok"]


print(asyncio.run(main()))
