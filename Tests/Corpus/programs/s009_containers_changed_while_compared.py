# Code that changes a container while Python is comparing inside it, cycles of exceptions, and
# recursion through str() and comparisons: what CPython does with each (lesson once crashed).
import asyncio
import logging
import random
import sys
import traceback


def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, str(e)[:70])


class ClearsList:
    def __eq__(self, other):
        L.clear()
        return True


L = [ClearsList(), 1]
attempt("list.remove", lambda: (L.remove(1), L)[1])
L = [ClearsList(), 1]
attempt("list.index", lambda: L.index(1))
L = [ClearsList(), 1, 1]
attempt("list.count", lambda: L.count(1))
L = [ClearsList(), 1]
attempt("in list", lambda: 1 in L)
L = [1, 2, 3, 4, 5]


def clearing():
    L.clear()
    yield 7
    yield 8


def set_slice():
    L[1:3] = clearing()
    return L


attempt("slice assignment", set_slice)
attempt("list.index start", lambda: [5, 6, 5, 6].index(5, 1))
attempt("list.index stop", lambda: [5, 6, 5, 6].index(6, -3, -1))
attempt("list.index huge", lambda: [5, 6].index(6, -2**70, 2**70))


class Key:
    def __init__(self, action, answer):
        self.action, self.answer = action, answer

    def __hash__(self):
        return hash(2)

    def __eq__(self, other):
        self.action()
        return self.answer


d = {1: 1, 2: 2, 3: 3}
attempt("dict.get after clear", lambda: d.get(Key(d.clear, False)))
d = {1: 1, 2: 2, 3: 3}
attempt("in dict after popitems", lambda: Key(lambda: (d.popitem(), d.popitem()), True) in d)
d = {1: 1, 2: 2, 3: 3}


def set_item():
    d[Key(d.clear, True)] = 5
    return d


attempt("dict set after clear", lambda: len(set_item()))
d = {1: 1, 2: 2, 3: 3}
attempt("dict add while comparing", lambda: d.get(Key(lambda: d.__setitem__(9, 9), True)))
s = {1, 2, 3}
try:
    s.remove(Key(s.clear, True))
except KeyError as e:
    print("set.remove after clear: KeyError", type(e.args[0]).__name__, s)

e = ValueError()
e.args = (e,)
if sys.version_info < (3, 12):
    # (3.12 and 3.13 let C code recurse 1,500 and 10,000 levels before this error.)
    attempt("str of itself", lambda: str(e))
a, b = [1], [2]
for _ in range(1200):
    a, b = [a], [b]
attempt("deep compare", lambda: a < b)
attempt("deep equal", lambda: a == b)

first, second = ValueError("a"), KeyError("b")
first.__context__ = second
second.__context__ = first
try:
    raise first
except ValueError:
    try:
        raise TypeError("t")
    except TypeError as t:
        print("cycle kept:", type(t.__context__).__name__, type(t.__context__.__context__).__name__)
x, y = ValueError("x"), KeyError("y")
x.__cause__ = y
y.__context__ = x
print("".join(traceback.format_exception(x)))
try:
    try:
        raise ValueError("outer")
    except ValueError as outer:
        inner = KeyError("inner")
        outer.__context__ = inner
        raise inner
except KeyError as caught:
    print("cut:", repr(caught.__context__), repr(caught.__context__.__context__))
print(len(traceback.format_exception(ValueError("x"), limit=-5)))

record = logging.LogRecord("n", 30, "p", 1, "m", None, None)
record.created = float("nan")
attempt("asctime of nan", lambda: logging.Formatter("%(asctime)s").format(record))


class Sequence:
    def __init__(self):
        self.items = list("abcdef")

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        print("get", i, end="; ")
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v


random.seed(5)
seq = Sequence()
random.shuffle(seq)
print()
print(seq.items)


async def recurse():
    await recurse_gen().__anext__()


async def recurse_gen():
    await recurse()
    yield 1


class Pops:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if queue.qsize() > 1:
            queue.get_nowait()
        return self.v < other.v


async def main():
    global queue
    asyncio.as_completed([asyncio.sleep(0)])
    task = asyncio.create_task(asyncio.sleep(1))
    asyncio.as_completed([task], timeout=0.01)
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await recurse()
    except RecursionError as e:
        print("RecursionError:", e)
    queue = asyncio.PriorityQueue()
    for v in [3, 1, 2]:
        queue.put_nowait(Pops(v))
    try:
        queue.get_nowait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    if sys.version_info >= (3, 11):
        group = asyncio.TaskGroup()
        await group.__aenter__()
        group.create_task(asyncio.sleep(0.01))
        del group
        await asyncio.sleep(0.1)
    print("done")


asyncio.run(main())
