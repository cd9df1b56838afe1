import asyncio


async def main():
    classes = ().__class__.__bases__[0].__subclasses__()
    for cls in classes:
        if cls.__name__ == "Popen":
            print("found", cls)
    await asyncio.sleep(0.1)


asyncio.run(main())
