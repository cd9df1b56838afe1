import asyncio


async def tool(name, delay):
    await asyncio.sleep(delay)
    if name.startswith("bad"):
        raise ValueError(name)
    if name.startswith("gone"):
        raise KeyError(name)
    return name


async def guarded(name, delay, timeout):
    try:
        return await asyncio.wait_for(tool(name, delay), timeout)
    except asyncio.TimeoutError as exc:
        raise TimeoutError(f"{name} timed out") from exc


async def main():
    plan = [("ok1", 0.1), ("bad1", 0.1), ("slow", 0.9), ("gone", 0.2), ("bad2", 0.3), ("ok2", 0.0)]
    results = await asyncio.gather(*(guarded(n, d, 0.5) for n, d in plan), return_exceptions=True)
    errors = [r for r in results if isinstance(r, Exception)]
    group = ExceptionGroup("batch failed", errors)
    print(repr(group), len(group.exceptions), str(group))
    values, rest = group.split(ValueError)
    print("values:", values.exceptions, "rest:", [type(e).__name__ for e in rest.exceptions])
    timeouts = group.subgroup(lambda e: isinstance(e, TimeoutError))
    print("timeouts:", timeouts.exceptions, group.subgroup(ZeroDivisionError))
    nested = ExceptionGroup("outer", [group, ExceptionGroup("inner", [OSError("disk")])])
    match, none = nested.split(OSError)
    print(match, none is None, repr(match.exceptions[0]))
    try:
        raise nested
    except* ValueError as eg:
        print("caught values", [str(e) for e in eg.exceptions[0].exceptions])
    except* (KeyError, TimeoutError) as eg:
        print("caught lookups/timeouts", len(eg.exceptions[0].exceptions))
    except* OSError as eg:
        print("caught os", eg.exceptions)
    oks = [r for r in results if isinstance(r, str)]
    print("ok:", oks, f"errors {len(errors)}/{len(results)}")
    derived = group.derive([ValueError("x")])
    print(type(derived).__name__, derived.message, derived.exceptions)
    try:
        ExceptionGroup("empty", [])
    except ValueError as exc:
        print("ValueError:", exc)


asyncio.run(main())
