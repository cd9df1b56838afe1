import asyncio
import socket


async def call_tool(name, delay):
    conn = socket.create_connection(("example.com", 80), timeout=delay)
    conn.sendall(f"GET /{name} HTTP/1.0\r\n\r\n".encode())
    return conn.recv(100)


async def main():
    print(await call_tool("search", 0.5))


asyncio.run(main())
