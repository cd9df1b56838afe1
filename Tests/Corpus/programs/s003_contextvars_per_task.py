# A request id in a ContextVar: each task sees a copy of its creator's context.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
attempt = contextvars.ContextVar("attempt")


def log(message):
    print(f"[{request_id.get()}] {message}")


def tail(e):
    return str(e).rsplit(">", 1)[-1].strip()


async def call(name, delay):
    log(f"start {name}")
    await asyncio.sleep(delay)
    log(f"end {name}")
    request_id.set("changed-in-" + name)
    return name


async def guarded(limit, rid, name, delay):
    token = request_id.set(rid)
    try:
        async with limit:
            try:
                return await asyncio.wait_for(call(name, delay), timeout=0.2)
            except asyncio.TimeoutError:
                log(f"{name} timed out")
                return None
            finally:
                # 3.10 and 3.11 run wait_for's coroutine in a task of its own; 3.12+ in this one.
                log(f"after wait_for: {request_id.get()}")
    finally:
        request_id.reset(token)


async def main():
    limit = asyncio.Semaphore(2)
    request_id.set("main")
    results = await asyncio.gather(
        guarded(limit, "r1", "search", 0.1),
        guarded(limit, "r2", "db", 0.3),
        asyncio.create_task(guarded(limit, "r3", "cache", 0.05)),
    )
    print(results)
    log("main again")
    context = contextvars.copy_context()
    context.run(request_id.set, "inside-copy")
    print(context[request_id], request_id.get(), attempt in context, context.get(attempt))
    task = asyncio.create_task(call("in-context", 0.01), **({"context": context} if hasattr(asyncio, "TaskGroup") else {}))
    await task
    print(request_id.get())


print(request_id.get(), request_id.name)
try:
    attempt.get()
except LookupError as e:
    print("LookupError:", type(e.args[0]).__name__, e.args[0].name)
print(attempt.get(0))
token = attempt.set(1)
print(token.var is attempt, token.old_value is contextvars.Token.MISSING, repr(contextvars.Token.MISSING))
attempt.reset(token)
try:
    attempt.reset(token)
except RuntimeError as e:
    print("RuntimeError:", tail(e))
try:
    request_id.reset(attempt.set(2))
except ValueError as e:
    print("ValueError:", tail(e))
try:
    contextvars.ContextVar(5)
except TypeError as e:
    print("TypeError:", e)
try:
    attempt.get(1, 2)
except TypeError as e:
    print("TypeError:", e)
asyncio.run(main())
print("after asyncio.run:", request_id.get(), attempt.get())
