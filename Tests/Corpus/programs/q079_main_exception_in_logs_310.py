import asyncio, logging
class ToolError(Exception):
    pass
logging.basicConfig(level=logging.INFO)
try:
    raise ToolError("x")
except ToolError:
    logging.exception("failed")
async def bad():
    raise ToolError("never retrieved")
async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    del t
asyncio.run(main())
print("end")
