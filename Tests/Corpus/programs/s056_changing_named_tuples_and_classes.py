"""A learner tries to change a call record that is a named tuple (a field, a new attribute), and
a class's method resolution order, then does it the way Python allows (_replace)."""
import asyncio
import collections
from typing import NamedTuple


class Record(NamedTuple):
    name: str
    status: str


Row = collections.namedtuple("Row", "name delay")


async def call(name, delay):
    try:
        await asyncio.wait_for(asyncio.sleep(delay), 0.2)
        return Record(name, "ok")
    except asyncio.TimeoutError:
        return Record(name, "timeout")


async def main():
    records = await asyncio.gather(call("search", 0.1), call("db", 0.3))
    for record, attribute in [(records[0], "status"), (records[1], "retries"), (Row("x", 1), "note")]:
        try:
            setattr(record, attribute, "changed")
        except AttributeError as error:
            print(type(record).__name__, attribute, "AttributeError:", error)
    try:
        Record.__mro__ = (Record, object)
    except AttributeError as error:
        print("AttributeError:", error)
    fixed = [r._replace(status="retried") if r.status == "timeout" else r for r in records]
    print(fixed)


asyncio.run(main())
