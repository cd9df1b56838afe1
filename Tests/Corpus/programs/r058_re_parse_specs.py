import asyncio
import re

SPEC = """
search: 120ms, timeout=300ms
db: 0.25s
llm:2s, timeout=1.5s
vision: 80 ms ;
bogus line here
cache: 5ms, timeout=10ms
"""

LINE = re.compile(r"^\s*(?P<name>[a-z]+)\s*:\s*(?P<delay>[\d.]+)\s*(?P<unit>ms|s)(?:,\s*timeout=(?P<t>[\d.]+)(?P<tu>ms|s))?")


def seconds(value, unit):
    return float(value) / (1000 if unit == "ms" else 1)


async def guarded(sem, name, delay, timeout):
    async with sem:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    plan = []
    for raw in SPEC.strip().splitlines():
        m = LINE.match(raw)
        if not m:
            print("unparsed:", repr(raw))
            continue
        timeout = seconds(m["t"], m["tu"]) if m.group("t") else 0.5
        plan.append((m["name"], seconds(m["delay"], m["unit"]), timeout))
        print(m.groupdict(), m.span("name"))
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, *p) for p in plan))
    print(results)
    text = " ".join(results)
    print(re.findall(r"(\w+):timeout", text), re.sub(r":(\w+)", lambda m: f"[{m[1][0].upper()}]", text))
    print(re.split(r"[,;]\s*", "a, b;c ,d"), bool(re.fullmatch(r"\d+ms", "120ms")), re.search(r"o+", "foooo").group())
    print([m.start() for m in re.finditer("ok", text)], re.escape("1.5s+"), re.sub(r"\s+", " ", "  a \n b  "))


asyncio.run(main())
