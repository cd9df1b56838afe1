import asyncio
import threading
import time


def blocking_tool(name):
    time.sleep(0.1)
    print(f"{name}:ok")


async def main():
    threading.Thread(target=blocking_tool, args=("search",)).start()
    await asyncio.sleep(0.2)


asyncio.run(main())
