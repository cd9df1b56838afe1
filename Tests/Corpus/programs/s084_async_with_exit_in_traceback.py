import asyncio
import sys
import traceback


class Upstream:
    def __init__(self, name, fail_on_exit=False):
        self.name = name
        self.fail_on_exit = fail_on_exit

    async def __aenter__(self):
        await asyncio.sleep(0.01)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        if self.fail_on_exit:
            raise RuntimeError(f"{self.name} did not close")
        return False


async def use(first, second):
    async with Upstream(first), Upstream(second, fail_on_exit=True) as up:
        return up.name


async def use_nested(name):
    async with Upstream(name, fail_on_exit=True):
        async with Upstream("inner"):
            raise ValueError("work failed")


async def main():
    for coro in (use("a", "b"), use_nested("c")):
        try:
            await coro
        except Exception:
            traceback.print_exc(file=sys.stdout)
            print("---")


asyncio.run(main())
