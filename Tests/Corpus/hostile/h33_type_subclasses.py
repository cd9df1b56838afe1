import asyncio

names = [cls.__name__ for cls in type.__subclasses__(object)]
print(len(names), "classes loaded")


async def main():
    await asyncio.sleep(0.1)


asyncio.run(main())
