import asyncio
from dataclasses import dataclass, field, asdict, replace


@dataclass(frozen=True)
class ToolSpec:
    name: str
    delay: float
    tags: tuple = ()


@dataclass
class BatchReport:
    results: list = field(default_factory=list)
    timeouts: int = 0
    errors: dict = field(default_factory=dict)

    def add(self, name, status):
        self.results.append(f"{name}:{status}")
        if status == "timeout":
            self.timeouts += 1


async def call_tool(spec: ToolSpec) -> str:
    await asyncio.sleep(spec.delay)
    if "broken" in spec.tags:
        raise RuntimeError(f"{spec.name} exploded")
    return "ok"


async def guarded(sem: asyncio.Semaphore, spec: ToolSpec, timeout: float):
    async with sem:
        try:
            return spec.name, await asyncio.wait_for(call_tool(spec), timeout)
        except asyncio.TimeoutError:
            return spec.name, "timeout"
        except RuntimeError as exc:
            return spec.name, f"error({exc})"


async def main():
    base = ToolSpec("search", 0.1)
    specs = [
        base,
        replace(base, name="database", delay=0.25),
        ToolSpec("vector", 0.05, tags=("broken",)),
        replace(base, name="slow_tool", delay=0.9),
    ]
    sem = asyncio.Semaphore(2)
    report = BatchReport()
    for name, status in await asyncio.gather(*(guarded(sem, s, 0.3) for s in specs)):
        report.add(name, status)
    print(report.results)
    print(asdict(report))
    print(specs[1])
    try:
        specs[0].delay = 2
    except AttributeError as exc:
        print(type(exc).__name__, "-", exc)


asyncio.run(main())
