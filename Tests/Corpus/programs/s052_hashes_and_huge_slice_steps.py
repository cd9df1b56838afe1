"""A learner shards the calls by hash (hash(name) % 4: the same numbers as CPython's, under the
hash seed the corpus is recorded with), gives objects a __hash__ of their own, and slices the
results with steps larger than any list."""
import asyncio
import itertools
from typing import NamedTuple

BIG = 2**63 - 1


class Call:
    def __init__(self, name, delay):
        self.name = name
        self.delay = delay

    def __hash__(self):
        return hash((self.name, self.delay))

    def __eq__(self, other):
        return isinstance(other, Call) and (self.name, self.delay) == (other.name, other.delay)


class Key(NamedTuple):
    name: str
    shard: int


class Huge:
    def __hash__(self):
        return 2**64 + 5


async def guarded(semaphore, call):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(call.delay), 0.25)
            return f"{call.name}:ok"
        except asyncio.TimeoutError:
            return f"{call.name}:timeout"


async def main():
    calls = [Call("search", 0.1), Call("db", 0.3), Call("rerank", 0.05), Call("embed", 0.2)]
    shards = {}
    for call in calls:
        shards.setdefault(hash(call.name) % 4, []).append(call.name)
    print(sorted(shards.items()))
    print(hash(""), hash("search"), hash(b"search"), hash(("search", 0.1)), hash(calls[0]) == hash(Call("search", 0.1)))
    print(hash(Huge()), hash(-1), hash(2**61), hash(-2.5), len({calls[0], Call("search", 0.1)}))
    keys = {Key(call.name, hash(call.name) % 4) for call in calls}
    print(keys, hash(Key("db", 1)) == hash(("db", 1)), {frozenset(["a", "b"]), frozenset()})
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(semaphore, call) for call in calls))
    print(results[1::BIG], results[-1::-BIG], "".join(results)[::BIG], tuple(results)[2::BIG])
    copy = list(results)
    del copy[1::BIG]
    copy[::BIG] = ["first"]
    print(copy)
    print(list(itertools.islice(results, 1, None, BIG)), list(itertools.islice(results, 0, None, BIG)))
    print(list(itertools.islice(results, 1, 3, BIG)))


asyncio.run(main())
