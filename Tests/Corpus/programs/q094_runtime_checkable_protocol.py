from typing import Protocol, runtime_checkable


@runtime_checkable
class Tool(Protocol):
    name: str

    async def __call__(self, delay: float) -> str: ...


class Echo:
    def __init__(self, name):
        self.name = name

    async def __call__(self, delay):
        return self.name


print(isinstance(Echo("x"), Tool), isinstance("x", Tool))
