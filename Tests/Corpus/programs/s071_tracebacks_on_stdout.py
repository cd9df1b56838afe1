"""Tracebacks printed to stdout: the ^~~ markers 3.11+ draws under each kind of expression."""
import asyncio
import sys
import traceback


class Tool:
    def __init__(self, name):
        self.name = name
        self.config = {"retries": 2}

    def helper(self, value):
        return value["missing"]

    def chain(self):
        return self

    def run(self, value):
        return self.helper(value)


def lookup(d):
    return d["x"] + 1


def add(a, b):
    total = a + b
    return total


def nested(items):
    return [int(item) for item in items]


def show(title, action):
    print(f"--- {title}")
    try:
        action()
    except Exception:
        traceback.print_exc(file=sys.stdout)


show("subscript in a binop", lambda: lookup({}))
show("binop", lambda: add(1, "two"))
show("attribute", lambda: Tool("t").missing)
show("method call", lambda: Tool("t").run({}))
show("chained calls", lambda: Tool("t").chain().chain().nothing())
show("division", lambda: 10 / (2 - 2))
show("builtin call", lambda: int("seven"))
show("comprehension", lambda: nested(["1", "x"]))
show("index", lambda: [1, 2, 3][5])
show("dict of dict", lambda: Tool("t").config["timeouts"]["llm"])
show("a name close to another", lambda: Tool("t").nmae)


def targets():
    pairs = [("llm", 0.1), ("db", 0.2, "extra")]
    for name, delay in pairs:
        print("  ", name, delay)


def item_store():
    limits = (3, 0.15)
    limits[0] = 2


def attribute_store():
    marker = object()
    marker.name = "llm"


def item_delete():
    seen = {}
    del seen["llm"]


show("unpacking in a for", targets)
show("storing into a tuple", item_store)
show("setting an attribute", attribute_store)
show("deleting a missing key", item_delete)


def multi_line():
    result = add(
        1,
        "two",
    )
    return result


show("multi-line call", multi_line)


def raising():
    raise ValueError("bad value")


def assign_call():
    value = raising()
    return value


def return_call():
    return raising()


def expression_call():
    print("before", raising())


show("raise", raising)
show("assigned from a call", assign_call)
show("returned call", return_call)
show("call inside print", expression_call)


def deep(n):
    if n == 0:
        raise RecursionError("too deep for the lesson")
    return deep(n - 1)


show("recursion", lambda: deep(6))


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "flaky":
        raise ConnectionError(f"{name} reset")
    return f"{name}:ok"


async def guarded(name, delay):
    try:
        return await call_tool(name, delay)
    except ConnectionError:
        print(f"--- {name}")
        print(traceback.format_exc(), end="")
        return f"{name}:error"


async def main():
    results = await asyncio.gather(guarded("search", 0.1), guarded("flaky", 0.05))
    print(results)


asyncio.run(main())
