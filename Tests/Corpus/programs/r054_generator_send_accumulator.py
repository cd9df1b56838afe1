import asyncio


def accumulator():
    """A generator used as a sink: send() statuses in, get the running summary out."""
    counts = {"ok": 0, "timeout": 0}
    summary = None
    while True:
        status = yield summary
        if status is None:
            break
        counts[status] += 1
        summary = f"{counts['ok']} ok / {counts['timeout']} timeout"
    return counts


def delays():
    value = 0.05
    while True:
        value = yield value
        if value is None:
            value = 0.05


async def guarded(sem, name, delay, timeout, sink, lines):
    async with sem:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            status = "ok"
        except asyncio.TimeoutError:
            status = "timeout"
        lines.append(f"{name} -> {sink.send(status)}")
        return status


async def main():
    sink = accumulator()
    print("primed:", next(sink))
    gen = delays()
    plan = [next(gen), gen.send(0.4), gen.send(None), gen.send(0.2), gen.send(0.35)]
    print("plan:", plan)
    lines = []
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, f"t{i}", d, 0.3, sink, lines) for i, d in enumerate(plan)))
    print("\n".join(lines))
    try:
        sink.send(None)
    except StopIteration as stop:
        print("final:", stop.value, results)
    gen.close()
    try:
        next(gen)
    except StopIteration:
        print("closed generator raises StopIteration")
    g = (x * 2 for x in range(3))
    print(list(g), list(g), next(iter([]), "empty"))


asyncio.run(main())
