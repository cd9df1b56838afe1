import asyncio

code = (lambda: 0).__code__
print(code.co_consts, code.co_names)


async def main():
    await asyncio.sleep(0.1)
    print("search:ok")


asyncio.run(main())
