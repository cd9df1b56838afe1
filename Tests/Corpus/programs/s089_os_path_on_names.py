import asyncio
import os
import os.path
from os.path import splitext

here = os.path.basename(__file__)
print(here, splitext(here), os.path.join("logs", "run", "x.txt"), os.sep, os.path.split("/a/b/c.py"))
print(os.path.dirname("/a/b/"), os.path.isabs("a/b"), os.path.splitext(".bashrc"), os.path.join("/a", "/b"))

async def main():
    try:
        print(os.path.basename(3))
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
