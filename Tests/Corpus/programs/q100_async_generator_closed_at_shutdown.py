import asyncio
async def stream():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
async def main():
    g = stream()
    print(await g.__anext__())
    print("main ends")
    return g
kept = asyncio.run(main())
print("after run")
