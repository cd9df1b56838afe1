"""A learner copies the batch's configuration before changing it (copy.copy and copy.deepcopy of
dicts, lists, their own classes, dataclasses, named tuples, collections' containers, exceptions),
then runs the guarded gather on the copy."""
import asyncio
import collections
import copy
import dataclasses
import enum
from typing import NamedTuple


class Priority(enum.Enum):
    LOW = 1
    HIGH = 2


class Call(NamedTuple):
    name: str
    delay: float


@dataclasses.dataclass(frozen=True)
class Policy:
    limit: int
    timeout: float
    tags: list = dataclasses.field(default_factory=list)


class Tool:
    def __init__(self, name, delay):
        self.name = name
        self.delay = delay
        self.history = []

    def __repr__(self):
        return f"Tool({self.name!r}, {self.delay}, {self.history})"


class Batch(list):
    pass


class ToolError(Exception):
    pass


BASE = {"limit": 2, "timeout": 0.25, "calls": [Call("search", 0.1), Call("db", 0.3)], "meta": {"tags": ["a"]}}


async def guarded(semaphore, call, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(call.delay), timeout)
            return f"{call.name}:ok"
        except asyncio.TimeoutError:
            return f"{call.name}:timeout"


async def main():
    config = copy.deepcopy(BASE)
    config["calls"].append(Call("rerank", 0.05))
    config["meta"]["tags"].append("b")
    shallow = copy.copy(BASE)
    shallow["limit"] = 9
    print(BASE["limit"], len(BASE["calls"]), BASE["meta"], shallow["calls"] is BASE["calls"])
    print(config["calls"], copy.deepcopy(config["calls"][0]) is config["calls"][0])

    policy = Policy(2, 0.25, ["fast"])
    strict = copy.deepcopy(policy)
    strict.tags.append("strict")
    print(policy, strict, copy.copy(policy) == policy)

    tool = Tool("search", 0.1)
    tool.history.append("warmup")
    twin, clone = copy.copy(tool), copy.deepcopy(tool)
    clone.history.append("clone")
    print(tool, twin, clone, twin.history is tool.history)

    counts = collections.Counter(["ok", "ok", "timeout"])
    more = copy.deepcopy(counts)
    more["error"] += 1
    waits = collections.defaultdict(list, {"db": [0.3]})
    waits2 = copy.deepcopy(waits)
    waits2["search"].append(0.1)
    recent = collections.deque([1, [2]], maxlen=3)
    recent2 = copy.deepcopy(recent)
    recent2[1].append(3)
    order = collections.OrderedDict(a=1, b=[2])
    order2 = copy.deepcopy(order)
    order2.move_to_end("a")
    print(counts.most_common(), more.most_common(), waits, waits2, recent, recent2, order2)

    batch = Batch(config["calls"])
    batch.label = "copied"
    batch2 = copy.deepcopy(batch)
    print(type(batch2).__name__, batch2.label, batch2 == batch, batch2 is batch)
    looped = [1]
    looped.append(looped)
    again = copy.deepcopy(looped)
    print(again, again[1] is again, copy.copy(Priority.HIGH) is Priority.HIGH)

    error = ToolError("db", 3)
    error.code = 7
    error2 = copy.copy(error)
    print(repr(error2), error2.code, error2 is error)

    semaphore = asyncio.Semaphore(config["limit"])
    results = await asyncio.gather(*(guarded(semaphore, call, config["timeout"]) for call in config["calls"]))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
