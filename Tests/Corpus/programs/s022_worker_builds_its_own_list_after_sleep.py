"""A worker thread (asyncio.to_thread) that sleeps, then builds and walks lists of its own."""
import asyncio
import time

STOP_WORDS = ("the", "a")


def tokenize(text):
    time.sleep(0.1)  # a slow parser
    words = text.split()
    kept = [w.lower() for w in words if w.lower() not in STOP_WORDS]
    counts = {}
    for w in kept:
        counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items())


def summarize(pairs):
    time.sleep(0.05)
    table = [f"{w}={n}" for w, n in pairs]
    return ", ".join(table)


async def main():
    start = time.perf_counter()
    first, second = await asyncio.gather(
        asyncio.to_thread(tokenize, "The quick fox and the lazy fox"),
        asyncio.to_thread(tokenize, "A dog and a cat"),
    )
    print(first)
    print(second)
    print(await asyncio.to_thread(summarize, tuple(first)))
    print(f"elapsed {time.perf_counter() - start:.2f} s")


asyncio.run(main())
