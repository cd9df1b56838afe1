"""Sorting results the way CPython sorts them.

A learner sorts the finished calls by duration with a class of their own whose __lt__ logs each
comparison, sorts a results list that holds None for a swallowed error, and sorts a batch of
calls whose comparison raises halfway. Which pairs list.sort compares, in which order and with
which operand on the left, is timsort's: it shows in the log, in the TypeError's words, and in the
order a failed list.sort leaves behind. 3.11 merged runs by powersort and 3.13 finds runs anew, so
the comparisons differ by version.
"""
import asyncio
import random

comparisons = []


class Finished:
    def __init__(self, name, seconds, index):
        self.name = name
        self.seconds = seconds
        self.index = index

    def __lt__(self, other):
        comparisons.append(self.index * 1000 + other.index)
        return self.seconds < other.seconds

    def __repr__(self):
        return f"{self.name}({self.seconds})"


class Flaky:
    def __init__(self, index, budget):
        self.index = index
        self.budget = budget

    def __lt__(self, other):
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise RuntimeError(f"comparison budget spent at {self.index}")
        return self.index % 7 < other.index % 7


def digest(values):
    total = 0
    for value in values:
        total = (total * 1000003 + value) % 2305843009213693951
    return total


async def call(name, seconds):
    await asyncio.sleep(seconds)
    if name == "db":
        raise ConnectionError("db down")
    return Finished(name, seconds, len(comparisons))


async def main():
    names = ["search", "db", "weather", "news", "maps"]
    results = await asyncio.gather(*(call(n, 0.05 * (i % 3 + 1)) for i, n in enumerate(names)),
                                   return_exceptions=True)
    finished = [r for r in results if isinstance(r, Finished)]
    for i, f in enumerate(finished):
        f.index = i
    print("by duration:", sorted(finished))
    print("compared:", comparisons)
    labels = [f"{r.name}:ok" if isinstance(r, Finished) else None for r in results]
    for attempt in (labels, [3, 1, 2, "a", 0], [5, 4, 3, 2, 1, None], list(range(70)) + ["x"]):
        try:
            print(sorted(attempt))
        except TypeError as error:
            print("TypeError:", error)

    rnd = random.Random(37)
    for case in range(24):
        n = rnd.choice([2, 5, 31, 64, 65, 130, 257])
        if case % 3 == 0:
            values = [rnd.randrange(1000) for _ in range(n)]
        elif case % 3 == 1:
            values = [rnd.randrange(4) for _ in range(n)]
        else:
            values = []
            while len(values) < n:
                run = sorted(rnd.randrange(60) for _ in range(rnd.randrange(1, 50)))
                values.extend(run if rnd.random() < 0.5 else run[::-1])
            values = values[:n]
        items = [Finished(f"c{i}", v, i) for i, v in enumerate(values)]
        comparisons.clear()
        ordered = sorted(items, reverse=case % 4 == 3)
        print(case, n, len(comparisons), digest(comparisons), digest([f.index for f in ordered]))

    for case in range(6):
        budget = [rnd.randrange(20, 300)]
        batch = [Flaky(i, budget) for i in range(rnd.choice([40, 90]))]
        rnd.shuffle(batch)
        try:
            batch.sort(reverse=case % 2 == 1)
            print("sorted", case)
        except RuntimeError as error:
            print(error, "->", digest([f.index for f in batch]))


asyncio.run(main())
