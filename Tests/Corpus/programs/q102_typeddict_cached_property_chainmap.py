from typing import TypedDict
from functools import cached_property
from collections import ChainMap

class Result(TypedDict):
    name: str
    ms: int

class Timed(Result, total=False):
    timeout: bool

r = Result(name="search", ms=120)
t = Timed(name="db", ms=5, timeout=True)
print(r, type(r).__name__, t, Timed.__total__, list(Timed.__annotations__))
Point = TypedDict("Point", {"x": int, "y": int})
print(Point(x=1, y=2), Point.__name__)

class Tool:
    calls = 0
    def __init__(self, name):
        self.name = name
    @cached_property
    def slug(self):
        Tool.calls += 1
        return self.name.upper()

a = Tool("search")
print(a.slug, a.slug, Tool.calls, "slug" in vars(a), type(Tool.slug).__name__)
del a.slug
print(a.slug, Tool.calls)

defaults = {"timeout": 0.5, "limit": 2}
overrides = {"limit": 3}
cfg = ChainMap(overrides, defaults)
print(cfg["limit"], cfg["timeout"], len(cfg), list(cfg), cfg)
child = cfg.new_child({"retries": 1})
print(child["retries"], child.parents, "retries" in cfg, cfg.get("x", "none"))
cfg["timeout"] = 0.3
print(overrides, defaults, dict(cfg))
