"""A learner fingerprints the batch's results (hashlib, zlib.crc32, bytes.hex with a separator)
and, on 3.11+, lines the workers up behind an asyncio.Barrier before they call their tools."""
import asyncio
import hashlib
import sys
import zlib

TOOLS = [("search", 0.1), ("rerank", 0.05), ("embed", 0.12)]


async def call_tool(name, delay, barrier=None):
    if barrier is not None:
        index = await barrier.wait()
        print(f"{name} passed the barrier as {index}, waiting now: {barrier.n_waiting}")
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    barrier = None
    if sys.version_info >= (3, 11):
        barrier = asyncio.Barrier(len(TOOLS))
        print("parties:", barrier.parties, "broken:", barrier.broken)
    results = await asyncio.gather(*(call_tool(n, d, barrier) for n, d in TOOLS))
    payload = ",".join(results).encode()
    print(results)
    print("sha256:", hashlib.sha256(payload).hexdigest())
    print("md5:", hashlib.md5(payload).hexdigest(), "sha1:", hashlib.sha1(payload).hexdigest()[:12])
    h = hashlib.new("sha512")
    for r in results:
        h.update(r.encode())
    print("sha512:", h.hexdigest()[:32], h.digest_size, h.block_size, h.name)
    print("crc32:", zlib.crc32(payload), hex(zlib.crc32(payload)), "adler32:", zlib.adler32(payload))
    print("digest:", hashlib.sha256(payload).digest()[:6].hex(":"), payload[:8].hex("-", 2))
    if barrier is not None:
        await barrier.abort()
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as error:
            print("after abort:", type(error).__name__, error, barrier.broken)
    try:
        hashlib.sha256("not bytes")
    except TypeError as error:
        print(error)
    for name in ("SHA1", "sha-256", "sha_256"):
        try:
            print(name, hashlib.new(name, payload).hexdigest()[:10])
        except ValueError as error:
            print(error)
    print((len(results)).to_bytes(2, "big"), int.from_bytes(payload[:2], "little"))


asyncio.run(main())
