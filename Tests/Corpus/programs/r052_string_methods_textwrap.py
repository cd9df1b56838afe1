import asyncio
import textwrap


async def tool(name, delay):
    await asyncio.sleep(delay)
    return f"Result for {name}: the quick brown fox jumps over the lazy dog near {name.upper()}"


async def guarded(sem, name, delay, timeout):
    async with sem:
        try:
            return await asyncio.wait_for(tool(name, delay), timeout)
        except asyncio.TimeoutError:
            return None


async def main():
    sem = asyncio.Semaphore(2)
    raw = "  tool:search=0.1 ;tool:db=0.25;TOOL:llm=0.6 ; tool:maps=0.05  "
    plan = []
    for item in raw.strip().split(";"):
        key, _, value = item.strip().partition("=")
        prefix, sep, name = key.casefold().rpartition(":")
        plan.append((name.removeprefix("tool").strip(), float(value)))
    print(plan)
    results = await asyncio.gather(*(guarded(sem, n, d, 0.3) for n, d in plan))
    for (name, _), text in zip(plan, results):
        if text is None:
            print(f"{name}: (timeout)")
            continue
        print(textwrap.fill(text, width=30, initial_indent=f"{name}: ", subsequent_indent="    "))
    print(textwrap.shorten("a b c d e f g h i j k", width=12, placeholder=" [...]"))
    print(textwrap.dedent("""
        first
          second
    """).strip("\n"))
    table = str.maketrans({"a": "4", "e": "3"}, )
    print("release ready".translate(table), "tab\tsep".expandtabs(4), "x".join("abc"))
    print("Ünïcode".casefold(), "ß".upper(), "ǅ".lower(), "title case of it's".title(), "hello world".capitalize())
    print("a,b,,c".split(","), "a b  c".split(), "line1\nline2\r\nline3".splitlines(), "x=1=2".split("=", 1))
    print("report.txt".removesuffix(".txt"), "abc".startswith(("x", "a")), "  pad ".strip(), "--x--".strip("-"))
    print("12".isdigit(), "½".isnumeric(), "½".isdigit(), "ab1".isalnum(), " ".isspace(), "Ab".swapcase())
    print("find", "banana".find("na"), "banana".rfind("na"), "banana".count("a"), "banana".index("n"), "banana".replace("a", "o", 2))


asyncio.run(main())
