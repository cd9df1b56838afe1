import asyncio
from dataclasses import dataclass, field, fields, astuple


@dataclass(order=True, kw_only=True)
class Job:
    priority: int
    name: str = field(compare=False)
    delay: float = field(compare=False, repr=False)
    tags: list = field(default_factory=list, compare=False)


@dataclass(slots=True)
class Outcome:
    job: str
    status: str
    attempts: int = 1


async def call(job):
    await asyncio.sleep(job.delay)
    return job.name


async def guarded(sem, job):
    async with sem:
        try:
            await asyncio.wait_for(call(job), 0.2)
            return Outcome(job.name, "ok")
        except asyncio.TimeoutError:
            return Outcome(job.name, "timeout")


async def main():
    jobs = [Job(priority=3, name="c", delay=0.1), Job(priority=1, name="a", delay=0.3, tags=["x"]),
            Job(priority=2, name="b", delay=0.15)]
    jobs.sort()
    print(jobs)
    print([f.name for f in fields(Job)])
    sem = asyncio.Semaphore(1)
    outs = await asyncio.gather(*(guarded(sem, j) for j in jobs))
    for o in outs:
        print(o, astuple(o))
    print("timeouts:", sum(o.status == "timeout" for o in outs))
    print(Job(priority=1, name="z", delay=0) == Job(priority=1, name="y", delay=5))
    try:
        Job(1, "q", 0.1)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
