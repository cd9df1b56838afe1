import asyncio

reader = getattr(__builtins__, 'open')


async def main():
    await asyncio.sleep(0.1)
    print(reader('/etc/hostname').read())


asyncio.run(main())
