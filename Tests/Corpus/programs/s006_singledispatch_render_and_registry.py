# Rendering mixed results with functools.singledispatch, and a registry of tool classes.
import asyncio
import sys
from functools import singledispatch
from typing import Union


class ToolError(Exception):
    pass


class Timeout(ToolError):
    pass


class Tool:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        print("registered", cls.__name__, [c.__name__ for c in Tool.__subclasses__()])


class Search(Tool):
    delay = 0.1


class Database(Tool):
    delay = 0.4


class SlowDatabase(Database):
    delay = 0.6


@singledispatch
def render(value):
    return f"?{value!r}"


@render.register
def _(value: str):
    return value.upper()


@render.register(int)
@render.register(float)
def _(value):
    return f"{value:.2f}"


@render.register
def _(error: ToolError, width=10):
    return f"!{type(error).__name__:<{width}}!"


if sys.version_info >= (3, 11):
    @render.register
    def _(value: Union[list, tuple]):
        return "[" + ", ".join(render(v) for v in value) + "]"


async def call(tool):
    try:
        await asyncio.wait_for(asyncio.sleep(tool.delay), timeout=0.5)
        return tool.delay
    except asyncio.TimeoutError:
        return Timeout()


async def main():
    tools = Tool.__subclasses__() + Database.__subclasses__()
    results = await asyncio.gather(*(call(t) for t in tools))
    for tool, result in zip(tools, results):
        print(f"{tool.__name__:<13}", render(result))
    print(render("done"), render(None), render(True), render(ToolError(), width=4))
    print(render.dispatch(bool).__name__, render.dispatch(Timeout) is render.dispatch(ToolError), object in render.registry)
    if sys.version_info >= (3, 11):
        print(render([1, "a", (2.5,)]))
    try:
        render()
    except TypeError as e:
        print(e)
    try:
        render.register(3, lambda v: v)
    except TypeError as e:
        print(e)


asyncio.run(main())
