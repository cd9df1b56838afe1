import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
trail = []


def log(msg):
    trail.append(f"[{request_id.get()}] {msg}")


async def call(name, d):
    log(f"calling {name}")
    await asyncio.sleep(d)
    log(f"back from {name}")
    return name


async def guarded(sem, rid, name, d):
    token = request_id.set(rid)
    try:
        async with sem:
            try:
                return await asyncio.wait_for(call(name, d), timeout=0.2)
            except asyncio.TimeoutError:
                log(f"{name} timed out")
                return None
    finally:
        request_id.reset(token)


async def main():
    sem = asyncio.Semaphore(2)
    log("main start")
    res = await asyncio.gather(guarded(sem, "r1", "users", 0.1), guarded(sem, "r2", "orders", 0.3),
                               guarded(sem, "r3", "items", 0.05))
    log("main end")
    print(res)
    for line in trail:
        print(line)
    ctx = contextvars.copy_context()
    print(ctx.run(request_id.get), request_id.name)


asyncio.run(main())
