# Edge values that once stopped lesson itself: each raises (or returns) what CPython gives.
import asyncio
import statistics
import time


def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("bin(None)", lambda: bin(None))
attempt("hex(2.5)", lambda: hex(2.5))
attempt("oct(-8)", lambda: oct(-8))
attempt("hash(-2**63)", lambda: hash(-2**63))
attempt("hash(-2**61 + 1)", lambda: hash(-2**61 + 1))
attempt("hash(2**61 - 1)", lambda: hash(2**61 - 1))
attempt("-2**63 / 3", lambda: -2**63 / 3)
attempt("round(12345, -400)", lambda: round(12345, -400))
attempt("round(12345, -2)", lambda: round(12345, -2))
attempt("len(range(0, -10, -2**63))", lambda: len(range(0, -10, -2**63)))
attempt("list(range(0, -10, -2**63))", lambda: list(range(0, -10, -2**63)))
attempt("-5 in range(0, -10, -2**63)", lambda: -5 in range(0, -10, -2**63))
attempt("list(range(2**62, 2**63 - 1, 2**61))", lambda: list(range(2**62, 2**63 - 1, 2**61)))
attempt("time.sleep(-1)", lambda: time.sleep(-1))
attempt("quantiles n=0", lambda: statistics.quantiles([1, 2, 3], n=0))


async def main():
    task = asyncio.current_task()
    for name, value in [("set_result", 1), ("set_exception", ValueError("x"))]:
        try:
            getattr(task, name)(value)
        except RuntimeError as e:
            print(name, type(e).__name__, e)
    future = asyncio.Future()
    future.set_result("made by asyncio.Future()")
    print(await future)
    try:
        future.set_result(2)
    except asyncio.InvalidStateError as e:
        print("again:", type(e).__name__, e)


asyncio.run(main())
