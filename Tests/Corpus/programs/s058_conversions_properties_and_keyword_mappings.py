"""A learner's classes convert themselves (__int__, __float__, __index__) and get a property
without a getter wrong, and a call is given the same keyword twice through a mapping class of
their own."""
import asyncio


class Delay:
    def __init__(self, seconds):
        self.seconds = seconds

    def __float__(self):
        return self.seconds

    def __int__(self):
        return str(self.seconds)


class Slot:
    def __index__(self):
        return "first"


class Settings:
    timeout = property()

    def __init__(self, **values):
        self.values = values

    def keys(self):
        return list(self.values)

    def __getitem__(self, key):
        return self.values[key]


async def call(name, delay, timeout=0.2):
    try:
        await asyncio.wait_for(asyncio.sleep(delay), timeout)
        return f"{name}:ok"
    except asyncio.TimeoutError:
        return f"{name}:timeout"


async def main():
    for convert, value in [(float, Delay(0.1)), (float, Delay(1)), (int, Delay(2)), (int, Slot())]:
        try:
            print(convert.__name__, convert(value))
        except TypeError as error:
            print("TypeError:", error)
    settings = Settings(timeout=0.05)
    try:
        print(settings.timeout)
    except AttributeError as error:
        print("AttributeError:", error)
    try:
        await call("search", 0.1, timeout=0.3, **settings)
    except TypeError as error:
        print("TypeError:", error)
    print(await asyncio.gather(call("search", 0.1, **settings), call("db", float(Delay(0.3)))))


asyncio.run(main())
