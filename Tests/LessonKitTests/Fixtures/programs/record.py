#!/usr/bin/env python3
"""Writes the corpus of learner programs and records what real asyncio prints for each.

    pip install looptime
    python3 record.py        # rewrites NN_*.py and expected.json beside this script

Each program runs under Python 3 with the `looptime` virtual clock, equal deadlines firing in
registration order, timers on the microsecond grid (as for the engine's corpus), `time.sleep`
advancing the virtual clock (blocking work), and a loop that reports a deadlock instead of
waiting forever. `swift test` compares `lesson`'s reading of each program with the record and
never runs Python.
"""
import asyncio, asyncio.events, contextlib, io, itertools, json, os, sys, time, traceback
import looptime

HERE = os.path.dirname(os.path.abspath(__file__))
_seq = itertools.count()


class OrderedTimerHandle(asyncio.events.TimerHandle):
    __slots__ = ("_seq",)

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self._seq = next(_seq)

    def __lt__(self, o): return (self._when, self._seq) < (o._when, o._seq)
    def __le__(self, o): return (self._when, self._seq) <= (o._when, o._seq)
    def __gt__(self, o): return (self._when, self._seq) > (o._when, o._seq)
    def __ge__(self, o): return (self._when, self._seq) >= (o._when, o._seq)


asyncio.events.TimerHandle = OrderedTimerHandle


class Deadlock(Exception):
    pass


def record(source):
    loop = looptime.new_event_loop(start=0)
    cls = type(loop)
    if not getattr(cls, "_on_grid", False):
        original = cls.call_at
        cls.call_at = lambda self, when, cb, *a, context=None: original(self, round(when * 1e6) / 1e6, cb, *a, context=context)
        cls._on_grid = True
    asyncio.set_event_loop(loop)
    real_sleep = time.sleep

    def blocking_sleep(seconds):
        loop._LoopTimeEventLoop__now += round(seconds * loop._LoopTimeEventLoop__resolution_reciprocal)

    outcome = {"stdout": [], "exception": None, "deadlock": False}

    def run(main):
        task = loop.create_task(main)
        original_run_once = loop._run_once

        def run_once():
            if not loop._ready and not loop._scheduled and not task.done():
                raise Deadlock()
            original_run_once()

        loop._run_once = run_once
        try:
            return loop.run_until_complete(task)
        except Deadlock:
            outcome["deadlock"] = True
            loop._run_once = original_run_once
            task.cancel()
            with contextlib.suppress(BaseException):
                loop.run_until_complete(task)
        finally:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for t in pending:
                t.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))

    buffer = io.StringIO()
    saved_run = asyncio.run
    asyncio.run = run
    time.sleep = blocking_sleep
    try:
        with contextlib.redirect_stdout(buffer):
            exec(compile(source, "program.py", "exec"), {"__name__": "__main__"})
    except BaseException as error:
        outcome["exception"] = traceback.format_exception_only(type(error), error)[-1].strip()
    finally:
        asyncio.run = saved_run
        time.sleep = real_sleep
        loop.close()
    outcome["stdout"] = buffer.getvalue().splitlines()
    return outcome


PAGE = '''import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(
        guarded_call(semaphore, "search", 0.1, 0.5),
        guarded_call(semaphore, "database", 0.2, 0.5),
        guarded_call(semaphore, "slow_tool", 1.0, 0.3),
    )
    print(results)


asyncio.run(main())
'''

TOOL = '''async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"
'''

GUARDED = '''async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"
'''

EIGHT = '''TOOLS = [
    ("search", 0.1),
    ("database", 0.2),
    ("slow_tool", 1.0),
    ("rerank", 0.05),
    ("embed", 0.12),
    ("upload", 0.4),
    ("weather", 0.08),
    ("model_api", 0.3),
]
'''


def exercise(body_main, header="", guarded=GUARDED, tool=TOOL, tools=EIGHT, consts="LIMIT = 3\nTIMEOUT = 0.15\n"):
    return f'''{header}import asyncio

{consts}
{tools}

{tool}

{guarded}

async def main():
{body_main}


asyncio.run(main())
'''


COUNT = '''    timeouts = sum(result.endswith(":timeout") for result in results)
    print(results)
    print("timeouts:", timeouts)'''

PROGRAMS = {}
PROGRAMS["page_program"] = PAGE
PROGRAMS["page_program_limit_1"] = PAGE.replace("Semaphore(2)", "Semaphore(1)")
PROGRAMS["page_program_counted"] = PAGE.replace("    print(results)\n", COUNT + "\n")
PROGRAMS["exercise_generator"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, name, delay, TIMEOUT) for name, delay in TOOLS))
''' + COUNT)
PROGRAMS["exercise_list_tasks"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    tasks = [guarded_call(semaphore, name, delay, TIMEOUT) for name, delay in TOOLS]
    results = await asyncio.gather(*tasks)
    timeouts = len([r for r in results if r.endswith(":timeout")])
    print(results)
    print(f"timeouts: {timeouts}")''')
PROGRAMS["exercise_docstring"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*[guarded_call(semaphore, n, d, TIMEOUT) for n, d in TOOLS])
''' + COUNT, header='"""Semaphore(3) keeps at most three requests in flight, so the upstream tools are protected\nfrom bursts; the lower 0.15 s timeout exposes the slow calls instead of letting them hold the batch."""\n')
PROGRAMS["exercise_invented_count"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, name, delay, TIMEOUT) for name, delay in TOOLS))
    print(results)
    print("timeouts:", 2)''')
PROGRAMS["exercise_invented_fstring"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, name, delay, TIMEOUT) for name, delay in TOOLS))
    print(results)
    print("timeouts: 3")''')
PROGRAMS["exercise_for_loop_print"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, name, delay, TIMEOUT) for name, delay in TOOLS))
    for result in results:
        print(result)
    print("timeouts:", sum(1 for r in results if r.endswith(":timeout")))''')
PROGRAMS["exercise_zip_table"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, TIMEOUT) for n, d in zip(NAMES, DELAYS)))
''' + COUNT, tools='NAMES = ["search", "database", "slow_tool", "rerank", "embed", "upload", "weather", "model_api"]\nDELAYS = [0.1, 0.2, 1.0, 0.05, 0.12, 0.4, 0.08, 0.3]\n')
PROGRAMS["exercise_keywords"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, name=n, delay=d, timeout=TIMEOUT) for n, d in TOOLS))
''' + COUNT)
PROGRAMS["exercise_default_timeout"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d) for n, d in TOOLS))
''' + COUNT, guarded=GUARDED.replace("delay, timeout):", "delay, timeout=TIMEOUT):"))
PROGRAMS["asyncio_timeout_block"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, TIMEOUT) for n, d in TOOLS))
''' + COUNT, guarded='''async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            async with asyncio.timeout(timeout):
                return await call_tool(name, delay)
        except TimeoutError:
            return f"{name}:timeout"
''')
PROGRAMS["plain_gather_no_limit"] = exercise('''    results = await asyncio.gather(*(guarded(n, d, TIMEOUT) for n, d in TOOLS))
''' + COUNT, guarded='''async def guarded(name, delay, timeout):
    try:
        return await asyncio.wait_for(call_tool(name, delay), timeout)
    except asyncio.TimeoutError:
        return f"{name}:timeout"
''')
PROGRAMS["plain_gather_no_timeout"] = '''import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(call_tool("search", 0.1), call_tool("database", 0.2), call_tool("retrieval", 0.3))
    print(results)


asyncio.run(main())
'''
PROGRAMS["semaphore_per_call"] = exercise('''    results = await asyncio.gather(*(guarded_call(n, d, TIMEOUT) for n, d in TOOLS))
''' + COUNT, guarded='''async def guarded_call(name, delay, timeout):
    semaphore = asyncio.Semaphore(LIMIT)
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"
''')
PROGRAMS["timeout_around_semaphore_wait_for"] = exercise('''    semaphore = asyncio.Semaphore(1)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.5) for n, d in TOOLS))
''' + COUNT, guarded='''async def limited(semaphore, name, delay):
    async with semaphore:
        return await call_tool(name, delay)


async def guarded_call(semaphore, name, delay, timeout):
    try:
        return await asyncio.wait_for(limited(semaphore, name, delay), timeout=timeout)
    except asyncio.TimeoutError:
        return f"{name}:timeout"
''')
PROGRAMS["timeout_around_semaphore_block"] = exercise('''    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.3) for n, d in TOOLS))
''' + COUNT, guarded='''async def guarded_call(semaphore, name, delay, timeout):
    try:
        async with asyncio.timeout(timeout):
            async with semaphore:
                return await call_tool(name, delay)
    except TimeoutError:
        return f"{name}:timeout"
''')
FAILING_TOOL = '''async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "flaky":
        raise RuntimeError("HTTP 503")
    return f"{name}:ok"
'''
FOUR = 'TOOLS = [("search", 0.1), ("flaky", 0.15), ("database", 0.2), ("rerank", 0.1)]\n'
def failing(handler, main=None):
    return exercise(main or '''    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.5) for n, d in TOOLS))
    print(results)''', tool=FAILING_TOOL, tools=FOUR, consts="", guarded='''async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"
''' + handler)
PROGRAMS["error_propagates"] = failing("")
PROGRAMS["error_swallowed_none"] = failing('''        except Exception:
            return None
''')
PROGRAMS["error_swallowed_pass"] = failing('''        except Exception:
            pass
''')
PROGRAMS["error_named"] = failing('''        except Exception as error:
            return f"{name}:error"
''')
PROGRAMS["error_named_with_message"] = failing('''        except RuntimeError as error:
            return f"{name}:error:{error}"
''')
PROGRAMS["error_caught_in_main"] = failing("", main='''    semaphore = asyncio.Semaphore(2)
    try:
        results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.5) for n, d in TOOLS))
        print(results)
    except RuntimeError as error:
        print("the batch failed:", error)''')
PROGRAMS["except_exception_first"] = exercise('''    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in TOOLS))
    print(results)''', guarded='''async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except Exception:
            return f"{name}:failed"
''')
PROGRAMS["timeout_tuple_handler"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, TIMEOUT) for n, d in TOOLS))
    print(results)''', guarded=GUARDED.replace("except asyncio.TimeoutError:", "except (asyncio.TimeoutError, ConnectionError):"))
PROGRAMS["timeout_custom_label"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, TIMEOUT) for n, d in TOOLS))
    print(results)''', guarded=GUARDED.replace('return f"{name}:timeout"', 'return f"{name} was too slow"'))
PROGRAMS["blocking_time_sleep"] = '''import asyncio
import time


async def resize_image(name, seconds):
    time.sleep(seconds)
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(resize_image("resize_image", 0.3), resize_image("tokenize", 0.2), resize_image("score", 0.1))
    print(results)


asyncio.run(main())
'''
PROGRAMS["blocking_inside_guarded"] = exercise('''    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 1.0) for n, d in [("a", 0.2), ("b", 0.3), ("c", 0.1)]))
    print(results)''', tool='''async def call_tool(name, delay):
    time.sleep(delay)
    return f"{name}:ok"
''', header="import time\n", tools="")
PROGRAMS["semaphore_zero_deadlock"] = PAGE.replace("Semaphore(2)", "Semaphore(0)")
PROGRAMS["semaphore_zero_queue_timeout"] = exercise('''    semaphore = asyncio.Semaphore(0)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.2) for n, d in TOOLS))
    print(results)''', guarded='''async def guarded_call(semaphore, name, delay, timeout):
    try:
        return await asyncio.wait_for(limited(semaphore, name, delay), timeout)
    except asyncio.TimeoutError:
        return f"{name}:timeout"


async def limited(semaphore, name, delay):
    async with semaphore:
        return await call_tool(name, delay)
''')
PROGRAMS["exact_ties"] = exercise('''    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.2) for n, d in TOOLS))
''' + COUNT, tools='TOOLS = [("a", 0.2), ("b", 0.2), ("c", 0.19), ("d", 0.2)]\n', consts="")
PROGRAMS["zero_delays"] = exercise('''    semaphore = asyncio.Semaphore(1)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.1) for n, d in TOOLS))
    print(results)''', tools='TOOLS = [("a", 0), ("b", 0.0), ("c", 0.05)]\n', consts="")
PROGRAMS["nested_helpers"] = exercise('''    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.25) for n, d in TOOLS))
    print(results)''', tool='''async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def call_tool(name, delay):
    result = await fetch(name, delay)
    return result
''', tools='TOOLS = [("vector_store", 0.1), ("reranker", 0.3), ("llm", 0.2)]\n', consts="")
PROGRAMS["constants_and_arithmetic"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, f"tool_{i}", BASE * (i + 1), TIMEOUT) for i in range(6)))
''' + COUNT, tools="BASE = 0.05\n", consts="LIMIT = 2\nTIMEOUT = 0.2\n")
PROGRAMS["enumerate_names"] = exercise('''    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, f"{i}-{n}", d, TIMEOUT) for i, (n, d) in enumerate(TOOLS)))
    print(results)''')
PROGRAMS["comments_as_note"] = exercise('''    # Semaphore(3) protects the upstream APIs from a burst of eight requests at once.
    semaphore = asyncio.Semaphore(LIMIT)
    # The 0.15 s timeout exposes slow calls instead of letting one hang the batch.
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, TIMEOUT) for n, d in TOOLS))
''' + COUNT)
# Outside what lesson reads: a clear error, never a guess.
PROGRAMS["outside_class"] = PAGE.replace("async def main():", "class Tool:\n    pass\n\n\nasync def main():")
PROGRAMS["outside_while"] = PAGE.replace("    print(results)", "    i = 0\n    while i < 3:\n        i += 1\n    print(results)")
PROGRAMS["outside_lambda"] = PAGE.replace("    print(results)", "    key = lambda r: r\n    print(results)")
PROGRAMS["outside_print_in_call"] = PAGE.replace("    await asyncio.sleep(delay)", "    print('calling', name)\n    await asyncio.sleep(delay)")
PROGRAMS["outside_dict"] = PAGE.replace("    print(results)", "    summary = {'count': len(results)}\n    print(results)")
PROGRAMS["outside_no_run"] = PAGE.replace("asyncio.run(main())", "")
PROGRAMS["outside_return_exceptions"] = PAGE.replace('        guarded_call(semaphore, "slow_tool", 1.0, 0.3),\n    )', '        guarded_call(semaphore, "slow_tool", 1.0, 0.3),\n        return_exceptions=True,\n    )')
PROGRAMS["outside_unclosed"] = PAGE.replace('guarded_call(semaphore, "search", 0.1, 0.5),', 'guarded_call(semaphore, "search", 0.1, 0.5,')
PROGRAMS["outside_uncaught_timeout"] = PAGE.replace('''        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"''', '''        return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)''')
PROGRAMS["outside_overall_deadline"] = PAGE.replace("    results = await asyncio.gather(", "    async with asyncio.timeout(5):\n        results = await asyncio.gather(").replace('''        guarded_call(semaphore, "search", 0.1, 0.5),
        guarded_call(semaphore, "database", 0.2, 0.5),
        guarded_call(semaphore, "slow_tool", 1.0, 0.3),
    )''', '''            guarded_call(semaphore, "search", 0.1, 0.5),
            guarded_call(semaphore, "database", 0.2, 0.5),
            guarded_call(semaphore, "slow_tool", 1.0, 0.3),
        )''')

if __name__ == "__main__":
    expected = {}
    for index, (name, source) in enumerate(PROGRAMS.items(), start=1):
        filename = f"{index:02d}_{name}.py"
        with open(os.path.join(HERE, filename), "w") as handle:
            handle.write(source)
        outcome = record(source)
        outcome["outsideSubset"] = name.startswith("outside_")
        expected[filename] = outcome
    with open(os.path.join(HERE, "expected.json"), "w") as handle:
        json.dump({"generator": "record.py", "python": sys.version.split()[0], "programs": expected}, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"{len(expected)} programs recorded", file=sys.stderr)
