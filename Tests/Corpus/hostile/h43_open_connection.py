import asyncio


async def call_tool(name, delay):
    reader, writer = await asyncio.open_connection("example.com", 80)
    writer.write(f"GET /{name} HTTP/1.0\r\n\r\n".encode())
    line = await asyncio.wait_for(reader.readline(), delay)
    writer.close()
    return f"{name}:{line.decode().strip()}"


async def main():
    print(await asyncio.gather(call_tool("search", 0.5), call_tool("database", 0.5)))


asyncio.run(main())
