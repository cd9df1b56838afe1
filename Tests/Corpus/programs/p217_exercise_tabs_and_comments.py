import asyncio  # standard library only

# --- configuration -------------------------------------------------------
LIMIT = 3          # Semaphore(3): at most three calls at once
TIMEOUT = 0.15     # lowered from 0.5


async def call_tool(name, delay):
	# simulate network latency
	await asyncio.sleep(delay)
	return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
	async with semaphore:  # wait for a free slot
		try:
			return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
		except asyncio.TimeoutError:  # too slow
			return f"{name}:timeout"


async def main():
	semaphore = asyncio.Semaphore(LIMIT)
	results = await asyncio.gather(
		guarded_call(semaphore, "search", 0.1, TIMEOUT),
		guarded_call(semaphore, "database", 0.2, TIMEOUT),
		guarded_call(semaphore, "slow_tool", 1.0, TIMEOUT),
		guarded_call(semaphore, "rerank", 0.05, TIMEOUT),
		guarded_call(semaphore, "embed", 0.12, TIMEOUT),
		guarded_call(semaphore, "upload", 0.4, TIMEOUT),
		guarded_call(semaphore, "weather", 0.08, TIMEOUT),
		guarded_call(semaphore, "model_api", 0.3, TIMEOUT),
	)
	print(results)
	timeouts = sum(result.endswith(":timeout") for result in results)
	print("timeouts:", timeouts)


asyncio.run(main())
