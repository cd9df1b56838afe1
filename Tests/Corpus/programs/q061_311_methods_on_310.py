import asyncio

# BaseException.add_note and Task.cancelling/uncancel are new in Python 3.11:
# on 3.10 CPython raises AttributeError for each.
try:
    ValueError("budget").add_note("hint")
    print("add_note ok")
except AttributeError as exc:
    print("AttributeError:", exc)


async def main():
    task = asyncio.current_task()
    try:
        print("cancelling", task.cancelling(), "uncancel", task.uncancel())
    except AttributeError as exc:
        print("AttributeError:", exc)


asyncio.run(main())
