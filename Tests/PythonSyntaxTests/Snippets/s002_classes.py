from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class Point:
    x: int = 0
    y: int = field(default=0)

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!s})"

    @property
    def norm(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5


class Result(NamedTuple):
    name: str
    elapsed: float


class Child(Base, metaclass=Meta, **extra):
    attr = 1

    def method(self, *args, **kwargs):
        super().method(*args, **kwargs)


class Empty: ...
