import asyncio
import ctypes

libc = ctypes.CDLL(None)


async def main():
    await asyncio.sleep(0.1)
    libc.system(b"touch /tmp/pwned")


asyncio.run(main())
