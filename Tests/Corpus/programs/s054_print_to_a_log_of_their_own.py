"""A learner prints the batch's report into a log object of their own (print(..., file=log)),
with and without flush=True, and a result class whose __str__ is wrong stops the last print
halfway."""
import asyncio


class Log:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        self.parts.append("<flush>")


class Result:
    def __init__(self, name, status):
        self.name = name
        self.status = status

    def __str__(self):
        return self.status if self.status else 0


async def call(name, delay):
    try:
        await asyncio.wait_for(asyncio.sleep(delay), 0.25)
        return Result(name, f"{name}:ok")
    except asyncio.TimeoutError:
        return Result(name, None)


async def main():
    log = Log()
    results = await asyncio.gather(call("search", 0.1), call("db", 0.3))
    print("results:", *results[:1], sep=" ", end="", file=log)
    print(file=log, flush=True)
    print(len(results), "calls", sep="|", file=log)
    print(log.parts)
    print("report:", results[0], results[1])


asyncio.run(main())
