import asyncio
from collections import Counter, defaultdict

JOBS = [
    ("web", "search", 0.1), ("web", "fetch", 0.5), ("db", "query", 0.2),
    ("db", "insert", 0.05), ("ai", "embed", 0.25), ("ai", "chat", 0.7), ("web", "ping", 0.01),
]


async def run_tool(kind, name, delay):
    await asyncio.sleep(delay)
    if name == "insert":
        raise PermissionError("read only")
    return name


async def guarded(sem, kind, name, delay):
    async with sem:
        try:
            await asyncio.wait_for(run_tool(kind, name, delay), timeout=0.3)
            return kind, name, "ok"
        except asyncio.TimeoutError:
            return kind, name, "timeout"
        except Exception as exc:
            return kind, name, type(exc).__name__


async def main():
    sem = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded(sem, *job) for job in JOBS))
    status_counts = Counter(status for _, _, status in results)
    by_kind = defaultdict(list)
    for kind, name, status in results:
        by_kind[kind].append(f"{name}={status}")
    print(status_counts)
    print(status_counts.most_common(2))
    print(dict(by_kind))
    per_kind = Counter()
    for kind, _, status in results:
        per_kind[kind] += status != "ok"
    print(sorted(per_kind.items()))
    print(per_kind + Counter(web=1), Counter("timeout") - Counter("time"))
    print(status_counts["timeout"], status_counts["missing"], sum(status_counts.values()))


asyncio.run(main())
