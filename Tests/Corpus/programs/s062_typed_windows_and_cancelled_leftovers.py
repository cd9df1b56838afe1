"""A learner annotates a deque of recent results, waits for the batch with a deadline, cancels
what is still running in a loop over the pending set and gathers the leftovers before reporting
each task from their own list."""
import asyncio
from collections import Counter, OrderedDict, defaultdict, deque

recent: deque[str] = deque(maxlen=3)
by_outcome: defaultdict[str, list[str]] = defaultdict(list)
queue_type = asyncio.Queue[tuple[int, str]]
print(deque[str], defaultdict[str, list[str]], OrderedDict[str, int], Counter[str], queue_type)
print(asyncio.Task[str], asyncio.Future[int], list[int], dict[str, float], tuple[str, ...])


class Results(list):
    pass


print(Results[str])


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    recent.append(name)
    return f"{name}:ok"


async def main():
    tools = {"search": 0.1, "database": 0.2, "slow_tool": 1.0, "rerank": 0.05, "upload": 0.6}
    tasks = [asyncio.create_task(call_tool(n, d), name=n) for n, d in tools.items()]
    done, pending = await asyncio.wait(tasks, timeout=0.25)
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    for t in tasks:
        outcome = "cancelled" if t.cancelled() else "ok"
        by_outcome[outcome].append(t.get_name())
    print(dict(by_outcome))
    print(list(recent))
    print("timeouts:", len(pending))
    for kind in (int, str):
        try:
            kind[str]
        except TypeError as error:
            print(error)


asyncio.run(main())
