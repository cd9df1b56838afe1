"""traceback.extract_tb, FrameSummary (unpacked, compared, its columns from 3.11), StackSummary.format, format_tb and print_tb with a limit."""
import asyncio
import sys
import traceback


def parse(raw):
    key, value = raw.split("=")
    return {key: value}


def lookup(d):
    return d["missing"] + 1


async def call_tool(name, raw, delay):
    await asyncio.sleep(delay)
    if name == "lookup":
        return lookup({})
    return parse(raw)


async def guarded(name, raw, delay):
    try:
        return await call_tool(name, raw, delay)
    except (ValueError, KeyError) as e:
        print(f"{name}: {type(e).__name__}: {e}")
        frames = traceback.extract_tb(e.__traceback__)
        for fs in frames:
            print(f"   at {fs.name} line {fs.lineno}: {fs.line}")
        for filename, lineno, func, text in frames[-1:]:
            print("   innermost:", filename, lineno, func, text)
        print("   frames:", len(frames), frames[0] == (frames[0].filename, frames[0].lineno, frames[0].name, frames[0].line), repr(frames[-1]))
        if sys.version_info >= (3, 11) and name == "lookup":
            print("   columns:", frames[-1].colno, frames[-1].end_colno, frames[-1].end_lineno)
        print("".join(traceback.format_tb(e.__traceback__, limit=-1)), end="")
        print("".join(frames.format()), end="")
        traceback.print_tb(e.__traceback__, limit=1, file=sys.stdout)
        return {}


async def main():
    res = await asyncio.gather(guarded("env", "MODE=fast", 0.1), guarded("flags", "a=b=c", 0.1), guarded("lookup", "", 0.2))
    print(res)


asyncio.run(main())
