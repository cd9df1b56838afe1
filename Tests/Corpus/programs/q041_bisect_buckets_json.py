import asyncio
import bisect
import json

BOUNDS = [0.05, 0.1, 0.2, 0.4]
LABELS = ["<50ms", "<100ms", "<200ms", "<400ms", "slow"]


async def call(name, d):
    await asyncio.sleep(d)
    return {"tool": name, "ms": round(d * 1000)}


async def guarded(sem, name, d):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, d), timeout=0.3)
        except asyncio.TimeoutError:
            return {"tool": name, "ms": None, "timeout": True}


async def main():
    delays = {"t1": 0.03, "t2": 0.05, "t3": 0.12, "t4": 0.35, "t5": 0.2, "t6": 0.099}
    sem = asyncio.Semaphore(3)
    out = await asyncio.gather(*(guarded(sem, n, d) for n, d in delays.items()))
    buckets = {label: [] for label in LABELS}
    for name, d in delays.items():
        buckets[LABELS[bisect.bisect_left(BOUNDS, d)]].append(name)
    print(json.dumps(out))
    print(json.dumps(buckets, indent=2, sort_keys=True))
    summary = {"timeouts": sum(1 for o in out if o.get("timeout")), "ok": [o["tool"] for o in out if o["ms"] is not None]}
    print(json.dumps(summary, separators=(",", ":")))
    print(json.loads('{"a": [1, 2.5, null, true]}'))


asyncio.run(main())
