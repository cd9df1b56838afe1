import asyncio

TIMEOUT = eval('0.1 + 0.2')


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(0.5), TIMEOUT)
    except asyncio.TimeoutError:
        print("slow_tool:timeout")


asyncio.run(main())
