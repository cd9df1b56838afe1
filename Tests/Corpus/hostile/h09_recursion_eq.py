import asyncio


class Result:
    def __init__(self, status):
        self.status = status

    def __eq__(self, other):
        return self == other  # meant self.status == other.status


async def main():
    results = [Result("ok"), Result("timeout"), Result("ok")]
    await asyncio.sleep(0.1)
    print("timeouts:", results.count(Result("timeout")))


asyncio.run(main())
