"""An upload shielded from the batch's timeout, and the timeouts logged with their tracebacks.

wait_for(shield(task)) stops waiting at the timeout but lets the upload finish; a plain future that
nobody completes times out too. Each timeout is printed with traceback.print_exc, as a learner
does to "log which tool timed out".
"""
import asyncio
import sys
import traceback


async def upload(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name}: upload failed")
    return f"{name} stored"


async def main():
    big = asyncio.ensure_future(upload("huge.iso", 0.8))
    try:
        await asyncio.wait_for(asyncio.shield(big), timeout=0.3)
    except asyncio.TimeoutError:
        print("huge.iso: stopped waiting")
        traceback.print_exc(file=sys.stdout)
    print("still running:", not big.done())
    print(await big)

    broken = asyncio.create_task(upload("bad.zip", 0.1, fail=True))
    try:
        await asyncio.wait_for(asyncio.shield(broken), timeout=1)
    except ValueError:
        traceback.print_exc(file=sys.stdout)

    never = asyncio.get_running_loop().create_future()
    try:
        await asyncio.wait_for(never, 0.2)
    except asyncio.TimeoutError:
        traceback.print_exc(file=sys.stdout)
    print("never cancelled:", never.cancelled())
    # Uncaught: the traceback on stderr.
    await asyncio.wait_for(asyncio.shield(asyncio.ensure_future(upload("last.txt", 1))), 0.1)


asyncio.run(main())
