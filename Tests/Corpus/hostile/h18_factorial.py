import asyncio
import math


async def main():
    orderings = math.factorial(10**7)  # every order the tools could run in
    print(orderings % 10)


asyncio.run(main())
