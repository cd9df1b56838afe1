import asyncio


async def guarded_call(sem, name, delay, timeout):
    async with sem:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return (name, "ok")
        except asyncio.TimeoutError:
            return (name, "timeout")


async def main():
    sem = asyncio.Semaphore(3)
    specs = [
        {"name": "search", "delay": 0.1},
        {"name": "upload", "delay": 0.4, "timeout": 0.5, "note": "big file"},
        {"name": "embed", "delay": 0.12, "timeout": 0.1},
        {"name": "weather", "delay": 0.08, "region": "eu", "units": "metric"},
        {"name": "model_api", "delay": "0.3"},
    ]
    jobs = []
    for spec in specs:
        match spec:
            case {"name": str(name), "delay": float(delay), "timeout": timeout, **rest}:
                print("custom timeout:", name, timeout, rest)
                jobs.append(guarded_call(sem, name, delay, timeout))
            case {"name": str(name), "delay": float(delay), **rest} if not rest:
                jobs.append(guarded_call(sem, name, delay, 0.15))
            case {"name": name, "delay": float(delay), **rest}:
                print("ignored keys for", name, "->", list(rest))
                jobs.append(guarded_call(sem, name, delay, 0.15))
            case {"name": name, **rest}:
                print("bad spec for", name, rest)
    results = await asyncio.gather(*jobs)
    print(dict(results))
    print("timeouts:", [n for n, s in results if s == "timeout"], len([1 for _, s in results if s == "timeout"]))


asyncio.run(main())
