import asyncio
import time


async def resize_image(name, seconds):
    time.sleep(seconds)
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(resize_image("resize_image", 0.3), resize_image("tokenize", 0.2), resize_image("score", 0.1))
    print(results)


asyncio.run(main())
