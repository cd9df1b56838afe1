"""A learner hangs hooks on the loop (a done-callback, call_soon, call_later) that raise: asyncio
reports each one on stderr and the batch goes on."""
import asyncio


def report(task):
    print("done:", task.get_name())
    raise RuntimeError(f"hook failed for {task.get_name()}")


class Tracker:
    def on_tick(self, label, n):
        raise ValueError(f"bad tick {label} {n}")


async def work(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok" * 3


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(work("search", 0.1), name="search-task")
    t.add_done_callback(report)
    await t
    await asyncio.sleep(0)
    loop.call_later(0.25, Tracker().on_tick, "a very long label for the callback", 12345678901234567890123456789012345678901234567890)
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0.5)
    print("still running")


asyncio.run(main())
print("end")
