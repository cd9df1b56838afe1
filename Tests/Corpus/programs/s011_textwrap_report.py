# A batch report laid out with textwrap: wrapped notes, a shortened summary, a dedented header.
import asyncio
import textwrap

NOTES = {
    "search": "the search tool answered quickly and within its timeout every time it was called today",
    "db": "the database call waited for a slot because the limit of two was reached, then timed out",
    "cache": "ok",
}


async def call(name, delay, limit):
    async with limit:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=0.2)
            return "ok"
        except asyncio.TimeoutError:
            return "timeout"


async def main():
    limit = asyncio.Semaphore(2)
    results = await asyncio.gather(call("search", 0.1, limit), call("db", 0.3, limit), call("cache", 0.05, limit))
    print(textwrap.dedent("""\
        Report
          tools: 3
        \t
        done
    """))
    for (name, note), result in zip(NOTES.items(), results):
        print(textwrap.fill(note, width=32, initial_indent=f"{name:>6} [{result}] ", subsequent_indent=" " * 8))
    summary = "  ".join(f"{n}={r}" for n, r in zip(NOTES, results))
    print(textwrap.shorten(summary * 3, width=40))
    print(textwrap.shorten("a b c d e f g h i j k", width=12, placeholder=" [...]"))
    print(textwrap.wrap("averyveryverylongwordthatdoesnotfit and more", width=10))
    print(textwrap.wrap("averyveryverylongwordthatdoesnotfit and more", width=10, break_long_words=False))
    print(textwrap.wrap("  leading\tand  trailing  ", width=8, drop_whitespace=False))
    print(textwrap.wrap("one two three four five six", width=9, max_lines=2, placeholder="..."))
    print(repr(textwrap.indent("a\n\n  b\n", "> ")), repr(textwrap.indent("a\nb", "+", lambda l: True)))
    print(repr(textwrap.dedent("  x\n    y\n \n  z")), repr(textwrap.dedent("\tx\n  y")), textwrap.wrap(""))
    w = textwrap.TextWrapper(width=15, initial_indent="* ", subsequent_indent="  ")
    print(w.wrap("The limit protects the upstream tools from overload"))
    try:
        textwrap.wrap("x", width=0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
