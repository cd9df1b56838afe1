# A learner models tool calls as dataclasses that point at each other, and freezes the config.
import asyncio
from dataclasses import dataclass, field


@dataclass
class Call:
    name: str
    delay: float
    retries: list = field(default_factory=list)


@dataclass(frozen=True)
class Settings:
    limit: int = 2
    timeout: float = 0.15


try:
    @dataclass
    class Tweaked(Settings):
        verbose: bool = False
except TypeError as e:
    print("cannot tweak:", e)

try:
    @dataclass(frozen=True)
    class Frozen(Call):
        pass
except TypeError as e:
    print("cannot freeze:", e)


@dataclass(frozen=True)
class Stricter(Settings):
    limit: int = 1


async def run(call, sem, settings):
    async with sem:
        try:
            await asyncio.wait_for(asyncio.sleep(call.delay), settings.timeout)
            return f"{call.name}:ok"
        except asyncio.TimeoutError:
            call.retries.append(call)  # the call remembers itself: a cycle
            return f"{call.name}:timeout"


async def main():
    settings = Stricter()
    sem = asyncio.Semaphore(settings.limit)
    calls = [Call("search", 0.1), Call("slow", 0.3)]
    results = await asyncio.gather(*(run(c, sem, settings) for c in calls))
    print(results)
    print(calls[1])
    print(settings, Settings())
    try:
        object.__setattr__(Settings, "limit", 5)
    except TypeError as e:
        print("class:", e)
    object.__setattr__(settings, "limit", 9)  # the escape hatch dataclasses use
    print(settings.limit)
    try:
        object.__setattr__(object(), "note", "x")
    except AttributeError as e:
        print("object:", e)
    try:
        type.__setattr__(int, "note", "x")
    except TypeError as e:
        print("int:", e)
    type.__setattr__(Call, "kind", "tool")
    print(calls[0].kind, sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
