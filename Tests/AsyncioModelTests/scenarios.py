#!/usr/bin/env python3
"""Record what CPython's asyncio does in small scenarios of its primitives.

Each scenario is an `async def` that logs `time label event` lines; `ScenarioTests.swift` builds
the same scenario on the asyncio model and compares the log, under CPython 3.10, 3.11, 3.12 and
3.13. Runs on looptime's virtual clock with equal deadlines firing in registration order and
timers on the microsecond grid, as `asyncio_reference.py` does.

Usage: python3 scenarios.py > scenarios.json   (runs every version through pyenv)
"""
import asyncio
import asyncio.events
import itertools
import json
import os
import subprocess
import sys

_seq = itertools.count()


class OrderedTimerHandle(asyncio.events.TimerHandle):
    __slots__ = ("_seq",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._seq = next(_seq)

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)

    def __le__(self, other):
        return (self._when, self._seq) <= (other._when, other._seq)

    def __gt__(self, other):
        return (self._when, self._seq) > (other._when, other._seq)

    def __ge__(self, other):
        return (self._when, self._seq) >= (other._when, other._seq)


asyncio.events.TimerHandle = OrderedTimerHandle

LOG = []
LOOP = None


def log(label, event):
    LOG.append(f"{LOOP.time():.3f} {label} {event}")


def describe(value):
    if isinstance(value, list):
        return "[" + ",".join(describe(v) for v in value) + "]"
    if isinstance(value, BaseException):
        return type(value).__name__
    return "None" if value is None else str(value)


async def step(label, awaitable, reraise=False):
    """Awaits and logs how it went; re-raises if asked."""
    try:
        value = await awaitable
        log(label, "ok " + describe(value))
        return value
    except BaseException as error:
        log(label, "raised " + type(error).__name__)
        if reraise:
            raise


async def sleeper(label, delay, value=None, fails=None):
    await step(label + ".sleep", asyncio.sleep(delay), reraise=True)
    if fails:
        raise RuntimeError(fails)
    return value


# ---- scenarios ---------------------------------------------------------------------------------

async def lock_fifo_and_cancel():
    lock = asyncio.Lock()

    async def worker(name, hold):
        await step(name + ".acquire", lock.acquire(), reraise=True)
        try:
            await step(name + ".hold", asyncio.sleep(hold), reraise=True)
        finally:
            lock.release()
            log(name, "released")

    tasks = [asyncio.ensure_future(worker(n, h)) for n, h in (("a", 0.1), ("b", 0.1), ("c", 0.05))]
    await asyncio.sleep(0.05)
    tasks[1].cancel()
    await step("gather", asyncio.gather(*tasks, return_exceptions=True))


async def event_set_wakes_all():
    event = asyncio.Event()

    async def waiter(name):
        await step(name + ".wait", event.wait())

    tasks = [asyncio.ensure_future(waiter(n)) for n in "abc"]
    await asyncio.sleep(0.2)
    event.set()
    log("main", "set")
    await step("gather", asyncio.gather(*tasks))


async def queue_producer_consumer():
    queue = asyncio.Queue(maxsize=1)

    async def producer():
        for i in range(3):
            await step(f"put{i}", queue.put(str(i)))
        await step("join", queue.join())

    async def consumer():
        for _ in range(3):
            item = await step("get", queue.get())
            await asyncio.sleep(0.1)
            queue.task_done()

    await step("gather", asyncio.gather(producer(), consumer()))


async def shield_keeps_inner_running():
    inner = asyncio.ensure_future(sleeper("inner", 0.3, value="done"))

    async def outer():
        return await asyncio.shield(inner)

    task = asyncio.ensure_future(outer())
    await asyncio.sleep(0.1)
    task.cancel()
    await step("outer", task)
    await step("inner", inner)


async def wait_first_completed_with_timeout():
    tasks = [asyncio.ensure_future(sleeper(n, d, value=n)) for n, d in (("a", 0.3), ("b", 0.1), ("c", 0.2))]
    done, pending = await asyncio.wait(tasks, timeout=0.15, return_when=asyncio.FIRST_COMPLETED)
    log("wait1", f"done {sorted(t.result() for t in done)} pending {len(pending)}")
    done, pending = await asyncio.wait(tasks, timeout=0.1)
    log("wait2", f"done {len(done)} pending {len(pending)}")
    done, pending = await asyncio.wait(tasks)
    log("wait3", f"done {len(done)} pending {len(pending)}")


async def as_completed_in_order_of_finishing():
    tasks = [asyncio.ensure_future(sleeper(n, d, value=n)) for n, d in (("a", 0.3), ("b", 0.1), ("c", 0.2))]
    for i, next_one in enumerate(asyncio.as_completed(tasks, timeout=0.25)):
        await step(f"next{i}", next_one)


async def wait_for_in_each_version():
    await step("fast", asyncio.wait_for(sleeper("f", 0.1, value="f"), 0.2))
    await step("slow", asyncio.wait_for(sleeper("s", 0.3, value="s"), 0.2))
    await step("tie", asyncio.wait_for(sleeper("t", 0.2, value="t"), 0.2))
    await step("zero", asyncio.wait_for(sleeper("z", 0.1, value="z"), 0))
    await step("none", asyncio.wait_for(sleeper("n", 0.1, value="n"), None))


async def timeout_block():
    if not hasattr(asyncio, "timeout"):
        log("main", "no asyncio.timeout")
        return
    async def body():
        async with asyncio.timeout(0.15):
            await step("inside", asyncio.sleep(0.3), reraise=True)
    await step("block", body())
    async def fine():
        async with asyncio.timeout(0.5):
            await asyncio.sleep(0.1)
        return "fine"
    await step("fine", fine())


async def task_group_failure_cancels_siblings():
    if not hasattr(asyncio, "TaskGroup"):
        log("main", "no TaskGroup")
        return
    async def body():
        async with asyncio.TaskGroup() as group:
            group.create_task(sleeper("a", 0.3, value="a"))
            group.create_task(sleeper("b", 0.1, fails="boom"))
            group.create_task(sleeper("c", 0.2, value="c"))
    await step("group", body())


async def semaphore_cancelled_waiter():
    semaphore = asyncio.Semaphore(1)

    async def worker(name, hold):
        async with semaphore:
            log(name, "in")
            await asyncio.sleep(hold)
        log(name, "out")

    tasks = [asyncio.ensure_future(worker(n, 0.1)) for n in "abcd"]
    await asyncio.sleep(0.05)
    tasks[1].cancel()
    await asyncio.sleep(0.05)
    tasks[2].cancel()
    await step("gather", asyncio.gather(*tasks, return_exceptions=True))


async def gather_failure_leaves_others_running():
    tasks = [asyncio.ensure_future(sleeper(n, d, value=n, fails=f))
             for n, d, f in (("a", 0.1, "x"), ("b", 0.2, None), ("c", 0.05, None))]
    await step("gather", asyncio.gather(*tasks))
    await step("b", tasks[1])


SCENARIOS = [lock_fifo_and_cancel, event_set_wakes_all, queue_producer_consumer, shield_keeps_inner_running,
             wait_first_completed_with_timeout, as_completed_in_order_of_finishing, wait_for_in_each_version,
             timeout_block, task_group_failure_cancels_siblings, semaphore_cancelled_waiter,
             gather_failure_leaves_others_running]


def run_one(scenario):
    global LOOP
    import looptime
    LOG.clear()
    LOOP = looptime.new_event_loop(start=0)
    original = type(LOOP).call_at
    if not getattr(type(LOOP), "_on_grid", False):
        def call_at(self, when, callback, *args, context=None):
            return original(self, round(when * 1_000_000) / 1_000_000, callback, *args, context=context)
        type(LOOP).call_at = call_at
        type(LOOP)._on_grid = True
    asyncio.set_event_loop(LOOP)
    main = LOOP.create_task(scenario())
    LOOP.run_until_complete(main)
    pending = [t for t in asyncio.all_tasks(LOOP) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        LOOP.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    log("end", "")
    LOOP.close()
    return list(LOG)


VERSIONS = {"3.10": "3.10.13", "3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"}

if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--here":
        json.dump({s.__name__: run_one(s) for s in SCENARIOS}, sys.stdout)
    else:
        results = {}
        for short, release in VERSIONS.items():
            prefix = subprocess.run(["pyenv", "prefix", release], check=True, capture_output=True, text=True).stdout.strip()
            out = subprocess.run([os.path.join(prefix, "bin", "python"), __file__, "--here"], check=True,
                                 capture_output=True, text=True).stdout
            results[short] = json.loads(out)
        merged = {s.__name__: {v: results[v][s.__name__] for v in VERSIONS} for s in SCENARIOS}
        json.dump(merged, sys.stdout, indent=1, sort_keys=True)
        print()
