"""Jitter helpers of a batch, called with arguments they do not take: what random and asyncio
say (an asyncio call whose arguments do not bind lets its coroutine go at once, so Python warns
before the traceback, not after it). (The clocks of `time` misused are not here: the recorder's
virtual clock replaces them with functions of its own, whose words differ.)"""
import asyncio
import random
import time

random.seed(7)


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


def attempt(label, make):
    try:
        print(label, "->", repr(make()))
    except Exception as error:
        print(label, "->", type(error).__name__ + ":", error)


async def main():
    started = time.perf_counter()
    attempt("random(1)", lambda: random.random(1))
    attempt("randint(1, 5, 2)", lambda: random.randint(1, 5, 2))
    attempt("uniform(0, 1, 2)", lambda: random.uniform(0, 1, 2))
    attempt("randrange(0, 10, 2, 1)", lambda: random.randrange(0, 10, 2, 1))
    attempt("choices(tools, None, 2)", lambda: random.choices(["a", "b"], None, 2))
    attempt("Random(1).random(2)", lambda: random.Random(1).random(2))
    jitter = random.uniform(0.0, 0.01)
    results = await asyncio.gather(call_tool("search", 0.1 + jitter), call_tool("database", 0.2))
    print(results, round(time.perf_counter() - started, 2))
    await asyncio.wait_for(call_tool("late", 0.1), 1.0, 2)


asyncio.run(main())
