"""A learner's batch whose report helpers call built-ins with the wrong arguments, and print
what Python says: the arity of built-in functions and types, and the words of str's methods."""
import asyncio

TOOLS = {"search": 0.1, "database": 0.2, "slow_tool": 1.0}


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded(sem, name, delay):
    async with sem:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=0.5)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


def attempt(label, make):
    try:
        print(label, "->", repr(make()))
    except Exception as error:
        print(label, "->", type(error).__name__ + ":", error)


class Report:
    def __init__(self, title):
        super().__init__(title)
        self.title = title


class Plain:
    pass


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, n, d) for n, d in TOOLS.items()))
    first = results[0]
    attempt("str(result, 2)", lambda: str(first, 2))
    attempt("str(b, 'utf-8')", lambda: str(first.encode(), "utf-8"))
    attempt("str(n, 'utf-8')", lambda: str(len(results), "utf-8"))
    attempt("str(4 args)", lambda: str(first, "utf-8", "strict", 1))
    attempt("int(3 args)", lambda: int("12", 10, 1))
    attempt("float(2 args)", lambda: float(0.5, 2))
    attempt("bool(2 args)", lambda: bool(1, 2))
    attempt("list(2 args)", lambda: list(results, results))
    attempt("tuple(2 args)", lambda: tuple(results, 1))
    attempt("dict(2 args)", lambda: dict({}, {}))
    attempt("set(2 args)", lambda: set(results, 1))
    attempt("bytes(1, 2)", lambda: bytes(1, 2))
    attempt("bytes(list, enc)", lambda: bytes([1], "utf-8"))
    attempt("len(a, b)", lambda: len(results, TOOLS))
    attempt("abs(1, 2)", lambda: abs(1, 2))
    attempt("repr(1, 2)", lambda: repr(1, 2))
    attempt("hash(1, 2)", lambda: hash(1, 2))
    attempt("sum(3 args)", lambda: sum([1], 0, 1))
    attempt("round(3 args)", lambda: round(0.25, 1, 1))
    attempt("sorted(2 args)", lambda: sorted(results, True))
    attempt("isinstance(1 arg)", lambda: isinstance(first))
    attempt("divmod(1 arg)", lambda: divmod(7))
    attempt("getattr(4 args)", lambda: getattr(first, "upper", None, 1))
    attempt("enumerate()", lambda: enumerate())
    attempt("replace(1 arg)", lambda: first.replace(":ok"))
    attempt("replace(old=int)", lambda: first.replace(1, "x"))
    attempt("replace(new=int)", lambda: first.replace("ok", 1))
    attempt("strip(0)", lambda: first.strip(0))
    attempt("rstrip(0)", lambda: first.rstrip(0))
    attempt("find(1)", lambda: first.find(1))
    attempt("count(1)", lambda: first.count(1))
    attempt("index(1)", lambda: first.index(1))
    attempt("endswith((1,))", lambda: first.endswith((1,)))
    attempt("startswith(('s', 1))", lambda: first.startswith(("s", 1)))
    attempt("center(20, 0)", lambda: first.center(20, 0))
    attempt("center(20, '-=')", lambda: first.center(20, "-="))
    attempt("Report('x')", lambda: Report("batch"))
    attempt("object.__init__(Plain(), 1)", lambda: object.__init__(Plain(), 1))
    attempt("Plain(1)", lambda: Plain(1))
    print(results)


asyncio.run(main())
