"""A learner's batch that reports its tools' names in several scripts, encodes a payload for an
upstream that wants Latin-1, and prints every mistake it makes on the way in Python's own words."""
import asyncio

TOOLS = {"caf\u00e9": 0.05, "cafe\u0301": 0.08, "stra\u00dfe": 0.12, "\u03a3\u0391\u03a3": 0.2}


async def call(sem, name, delay):
    async with sem:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=0.1)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


def mistakes():
    class Budget:
        @property
        def seconds(self):
            return 1

    class Huge:
        def __len__(self):
            return 2 ** 70

    def call_tool(**options):
        return options

    first, second = {"timeout": 1}, {"timeout": 2}
    checks = [
        lambda: [a for a, b in [1]],
        lambda: 1 in 5,
        lambda: "".join(None),
        lambda: len(obj=[]),
        lambda: delattr(Budget(), "seconds"),
        lambda: len(Huge()),
        lambda: 1.0 // 0.0,
        lambda: divmod(1.0, 0),
        lambda: 0 ** -1,
        lambda: call_tool(**first, **second),
        lambda: "\u00e9".encode("ascii"),
        lambda: "a\u00e9\u00e9 b".encode("ascii"),
        lambda: "x\u20ac".encode("latin-1"),
        lambda: b"caf\xe9".decode("ascii"),
        lambda: ":".join("search", "ok"),
        lambda: "search".upper(1),
        lambda: [].append(),
        lambda: {}.keys("search"),
        lambda: ", ".join(parts=["a"]),
    ]
    for check in checks:
        try:
            print("no error:", check())
        except Exception as error:
            print(f"{type(error).__name__}: {error}")


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(call(sem, name, delay) for name, delay in TOOLS.items()))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))
    names = list(TOOLS)
    print(names[0] == names[1], names[0] < names[1], "e" in names[1], names[1].removeprefix("cafe"))
    print([ascii(n.casefold()) for n in names])
    print("caf\u00e9".encode("latin-1"), str(b"caf\xe9", "latin-1"), b"caf\xe9".decode("latin_1"))
    print("caf\u00e9".encode(), "ok".encode("ASCII"))
    print(len({"caf\u00e9", "cafe\u0301"}), "caf\u00e9" in ["cafe\u0301"])
    print(b"ab" * 3, 2 * b"-", UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte"))
    print(UnicodeEncodeError("ascii", "a\u00e9\u00e9", 1, 3, "ordinal not in range(128)"))
    mistakes()


asyncio.run(main())
