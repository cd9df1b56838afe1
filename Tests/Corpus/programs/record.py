#!/usr/bin/env python3
"""Records what real CPython prints for each learner program, on a virtual clock.

    python Tests/Corpus/programs/record.py                 # every p*.py under 3.10, 3.11, 3.12, 3.13 -> expected.json
    python Tests/Corpus/programs/record.py --one FILE      # one program under this interpreter -> JSON on stdout
                                                           # (runs `python FILE` in a child whose sitecustomize
                                                           # calls install() below)
    python Tests/Corpus/programs/record.py --only p001_page_program.py p002_...   # re-record some, keep the rest
    python Tests/Corpus/programs/record.py --dir OUTDIR    # record every *.py in another folder (generated programs)
    python Tests/Corpus/programs/record.py --versions 3.12,3.13 --jobs 2   # a subset of versions, merged into the file

Needs `looptime` in every interpreter (`PYENV_VERSION=3.12.1 python -m pip install looptime`).

The rules (README.md says the same, with the reasons):
- The program's own `asyncio.run` / `asyncio.Runner` runs unmodified; the event-loop policy hands it a
  `looptime.new_event_loop(start=0.0)` loop (integer microsecond ticks).
- Timers with equal deadlines fire in registration order: `asyncio.events.TimerHandle` compares
  `(when, seq)`. Every timer's instant is put on the microsecond grid: `call_at(round(when*1e6)/1e6)`.
- `time.sleep(s)` is blocking work: in the loop's thread it advances the loop's virtual clock by
  `round(s*1e6)` microseconds without running the loop; with no loop open it advances a module-level
  virtual offset. In a worker thread (`to_thread`, `run_in_executor`) see below.
- The virtual clock, in integer microseconds, is `offset + the open loop's ticks` (a loop's ticks are
  folded into the offset when it closes). `time.perf_counter()` and `time.monotonic()` return
  `us / 1_000_000`; `time.time()` returns `1_700_000_000.0 + us / 1_000_000`; the `_ns` variants the
  same in nanoseconds. `logging` timestamps therefore come from the fixed epoch (TZ=UTC).
- Worker threads run in lock step with the loop: `run_in_executor` (and so `to_thread`) starts the
  function at once in a worker thread while the loop's thread waits; a `time.sleep(s)` in the worker
  schedules a loop timer at now+s and hands control back to the loop; when the timer fires the worker
  runs again (the loop waiting) until its next sleep or its end. Its result reaches the awaiting
  future through one `call_soon` (as `call_soon_threadsafe` would deliver it). `asyncio.run` waits
  for unfinished workers on the virtual clock before closing the loop, as `shutdown_default_executor`
  waits for real threads.
- Deadlock: when the loop is about to wait with nothing ready and no live timer (it calls its
  selector with no timeout), the program would wait forever; the run stops there with
  `"deadlock": true`, the output so far and `exitCode` null.
- Output: stdout and stderr exactly (UTF-8, PYTHONHASHSEED=0, TZ=UTC, no colour). The child is a plain
  `python pNNN_x.py` in the programs folder, so the traceback, the exit status (1 for an uncaught
  exception, `sys.exit` codes as given) and the stack depth are CPython's own; the clock is installed
  by a `sitecustomize` before the program starts and adds no frame under it. The folder prefix is
  scrubbed from the output (tracebacks name `pNNN_x.py`) and the interpreter's library prefix becomes
  `<python>` (`<python>/asyncio/runners.py`, `<python>/site-packages/...`).
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SELF = os.path.abspath(__file__)
VERSIONS = ["3.10", "3.11", "3.12", "3.13"]
EPOCH = 1_700_000_000.0
REAL_TIMEOUT = 120  # real seconds for one program under one interpreter


# ---------------------------------------------------------------------------------------------
# install(): the virtual clock, installed by a sitecustomize in the child that runs `python FILE`.
# ---------------------------------------------------------------------------------------------

def install():
    """Installs the virtual clock in this interpreter (called from the child's sitecustomize)."""
    import asyncio
    import asyncio.events
    import atexit
    import itertools
    import concurrent.futures
    import concurrent.futures.thread
    import threading
    import time

    import looptime

    real_perf_counter = time.perf_counter
    meta_path = os.environ.get("RECORD_META")

    # --- the virtual clock: integer microseconds ------------------------------------------------
    state = {"offset": 0, "loop": None, "deadlock": False}

    def loop_ticks(loop):
        return loop._LoopTimeEventLoop__now

    def now_us():
        loop = state["loop"]
        return state["offset"] + (loop_ticks(loop) if loop is not None else 0)

    def write_meta():
        if meta_path:
            with open(meta_path, "w") as handle:
                json.dump({"deadlock": state["deadlock"], "elapsed": round(now_us() / 1_000_000, 6)}, handle)

    # --- timers: (when, seq) order ---------------------------------------------------------------
    seq = itertools.count()

    class OrderedTimerHandle(asyncio.events.TimerHandle):
        __slots__ = ("_seq",)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._seq = next(seq)

        def __lt__(self, other): return (self._when, self._seq) < (other._when, other._seq)
        def __le__(self, other): return (self._when, self._seq) <= (other._when, other._seq)
        def __gt__(self, other): return (self._when, self._seq) > (other._when, other._seq)
        def __ge__(self, other): return (self._when, self._seq) >= (other._when, other._seq)

    # A program that prints a handle (asyncio's report of a callback that raised) sees CPython's name.
    OrderedTimerHandle.__name__ = OrderedTimerHandle.__qualname__ = "TimerHandle"
    asyncio.events.TimerHandle = OrderedTimerHandle

    # --- worker threads in lock step ----------------------------------------------------------------
    workers_lock = threading.Lock()
    worker_names = set()

    class Worker:
        def __init__(self, loop, fn, args):
            self.loop = loop
            self.fn = fn
            self.args = args
            self.go = threading.Semaphore(0)
            self.back = threading.Semaphore(0)
            self.request = None  # ("sleep", us) | ("done", result, exc)
            self.future = loop.create_future()
            self.finished = False
            index = 0
            with workers_lock:
                while index in worker_names:
                    index += 1
                worker_names.add(index)
            self.index = index
            self.thread = threading.Thread(target=self.main, name=f"asyncio_{index}", daemon=True)
            self.thread.worker = self

        def main(self):
            self.go.acquire()
            # The call is made by concurrent.futures' own work item, as the default executor's
            # thread makes it: a traceback through the worker shows CPython's frame
            # (`concurrent/futures/thread.py`, `run`), not one of this script.
            done = concurrent.futures.Future()
            concurrent.futures.thread._WorkItem(done, self.fn, self.args, {}).run()
            error = done.exception()
            self.request = ("done", None, error) if error is not None else ("done", done.result(), None)
            self.back.release()

        def sleep(self, us):  # in the worker thread
            self.request = ("sleep", us)
            self.back.release()
            self.go.acquire()

        def step(self):  # in the loop thread: run the worker until it sleeps or ends
            self.go.release()
            self.back.acquire()
            request = self.request
            if request[0] == "sleep":
                when = (loop_ticks(self.loop) + request[1]) / 1_000_000
                self.loop.call_at(when, self.step)
            else:
                self.finished = True
                with workers_lock:
                    worker_names.discard(self.index)
                _, result, error = request
                self.loop.call_soon(self.deliver, result, error)
                for waiter in list(self.loop._record_worker_waiters):
                    if not waiter.done():
                        waiter.set_result(None)

        def deliver(self, result, error):
            if self.future.cancelled():
                return
            if error is not None:
                self.future.set_exception(error)
            else:
                self.future.set_result(result)

    # --- time ----------------------------------------------------------------------------------------
    def virtual_sleep(seconds):
        if not isinstance(seconds, (int, float)):
            return real_sleep(seconds)  # the interpreter's own TypeError
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        us = round(seconds * 1_000_000)
        worker = getattr(threading.current_thread(), "worker", None)
        if worker is not None:
            worker.sleep(us)
            return
        loop = state["loop"]
        if loop is not None:
            loop._LoopTimeEventLoop__now += us
        else:
            state["offset"] += us

    real_sleep = time.sleep
    time.sleep = virtual_sleep
    time.perf_counter = lambda: now_us() / 1_000_000
    time.monotonic = lambda: now_us() / 1_000_000
    time.time = lambda: EPOCH + now_us() / 1_000_000
    time.perf_counter_ns = lambda: now_us() * 1000
    time.monotonic_ns = lambda: now_us() * 1000
    time.time_ns = lambda: int(EPOCH) * 1_000_000_000 + now_us() * 1000
    import logging
    logging._startTime = time.time_ns() if isinstance(logging._startTime, int) else time.time()

    # --- the loop --------------------------------------------------------------------------------------
    probe = looptime.new_event_loop(start=0.0)
    loop_class = type(probe)
    probe.close()
    original_call_at = loop_class.call_at
    original_close = loop_class.close
    original_shutdown_default_executor = loop_class.shutdown_default_executor

    def call_at(self, when, callback, *args, context=None):
        return original_call_at(self, round(when * 1e6) / 1e6, callback, *args, context=context)

    def deadlock():
        state["deadlock"] = True
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            write_meta()
            os._exit(0)

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if self._debug:
            self._check_callback(func, "run_in_executor")
        worker = Worker(self, func, args)
        self._record_workers.append(worker)
        worker.thread.start()
        worker.step()
        return worker.future

    async def shutdown_default_executor(self, *args, **kwargs):
        while any(not worker.finished for worker in self._record_workers):
            waiter = self.create_future()
            self._record_worker_waiters.append(waiter)
            await waiter
            self._record_worker_waiters.remove(waiter)
        return await original_shutdown_default_executor(self, *args, **kwargs)

    def close(self):
        if state["loop"] is self:
            state["offset"] += loop_ticks(self)
            state["loop"] = None
        return original_close(self)

    loop_class.call_at = call_at
    loop_class.run_in_executor = run_in_executor
    loop_class.shutdown_default_executor = shutdown_default_executor
    loop_class.close = close

    def new_loop(base):
        loop = looptime.patch_event_loop(base, start=0.0)  # = looptime.new_event_loop(start=0.0)
        loop._LoopTimeEventLoop__sync_clock = real_perf_counter
        loop._record_workers = []
        loop._record_worker_waiters = []
        # The loop asks its selector to wait with no timeout only when nothing is ready and no
        # timer is pending: no thread of ours can wake it (workers run in lock step), so that is a
        # deadlock. Hooking here adds no frame to the stack the program's code runs on.
        looptime_select = loop._selector.select

        def select(timeout=None):
            if timeout is None and not loop._stopping:
                deadlock()
            return looptime_select(timeout)

        loop._selector.select = select
        if state["loop"] is not None:  # a second loop while one is open: the clock goes on from it
            state["offset"] += loop_ticks(state["loop"])
        state["loop"] = loop
        return loop

    class Policy(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self):
            return new_loop(super().new_event_loop())

    asyncio.set_event_loop_policy(Policy())
    atexit.register(write_meta)


# ---------------------------------------------------------------------------------------------
# --one FILE: run the program in a fresh child of this interpreter and print the record as JSON.
# ---------------------------------------------------------------------------------------------

BOOT = """import importlib.util, os
_spec = importlib.util.spec_from_file_location("_record_clock", os.environ["RECORD_SELF"])
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
_module.install()
"""


def scrub(text, folder):
    import sysconfig
    prefixes = set()
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        value = sysconfig.get_paths().get(key)
        if value:
            prefixes.add(value)
    # longest first so site-packages keeps its name: <python>/site-packages/...
    for prefix in sorted(prefixes, key=len, reverse=True):
        if prefix.endswith("site-packages"):
            text = text.replace(prefix, "<python>/site-packages")
        else:
            text = text.replace(prefix, "<python>")
    text = text.replace(SELF, "record.py")
    text = text.replace(folder + os.sep, "")  # the program's own absolute path -> its file name
    return text


def record_one(path):
    path = os.path.abspath(path)
    folder = os.path.dirname(path)
    env = dict(os.environ)
    env.update({
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUTF8": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHON_COLORS": "0",
        "NO_COLOR": "1",
        "TZ": "UTC",
        "LC_ALL": "C.UTF-8",
    })
    for key in ("PYTHONWARNINGS", "PYTHONASYNCIODEBUG", "PYTHONDEVMODE", "PYTHONSTARTUP", "FORCE_COLOR"):
        env.pop(key, None)
    with tempfile.TemporaryDirectory() as scratch:
        meta_path = os.path.join(scratch, "meta.json")
        boot = os.path.join(scratch, "boot")
        os.mkdir(boot)
        with open(os.path.join(boot, "sitecustomize.py"), "w") as handle:
            handle.write(BOOT)
        env["RECORD_META"] = meta_path
        env["RECORD_SELF"] = SELF
        env["PYTHONPATH"] = boot
        try:
            run = subprocess.run([sys.executable, os.path.basename(path)], cwd=folder, env=env,
                                 stdin=subprocess.DEVNULL, capture_output=True, timeout=REAL_TIMEOUT)
            stdout, stderr, code = run.stdout, run.stderr, run.returncode
            timed_out = False
        except subprocess.TimeoutExpired as expired:
            stdout, stderr, code = expired.stdout or b"", expired.stderr or b"", None
            timed_out = True
        meta = {"deadlock": False, "elapsed": None}
        if os.path.exists(meta_path):
            with open(meta_path) as handle:
                meta = json.load(handle)
    stdout = scrub(stdout.decode("utf-8", "replace"), folder)
    stderr = scrub(stderr.decode("utf-8", "replace"), folder)
    lines = [line for line in stderr.splitlines() if line.strip()]
    result = {
        "stdout": stdout,
        "stderrLastLine": lines[-1] if lines else None,
        "stderr": stderr,
        "exitCode": None if meta["deadlock"] else code,
        "deadlock": bool(meta["deadlock"]),
        "elapsed": meta["elapsed"],
    }
    if timed_out:
        result["realTimeout"] = True
    return result


# ---------------------------------------------------------------------------------------------
# top level: every program under every version -> expected.json
# ---------------------------------------------------------------------------------------------

def interpreters():
    """Maps "3.10" .. "3.13" to a command and environment that runs that CPython."""
    root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    found = {}
    versions_dir = os.path.join(root, "versions")
    installed = os.listdir(versions_dir) if os.path.isdir(versions_dir) else []
    for short in VERSIONS:
        candidates = [v for v in installed if v.startswith(short + ".") and v[len(short) + 1:].isdigit()]
        if candidates:
            full = max(candidates, key=lambda v: int(v.split(".")[2]))
            binary = os.path.join(versions_dir, full, "bin", "python")
            found[short] = ([binary], {"PYENV_VERSION": full})
        else:
            found[short] = ([f"python{short}"], {})
    return found


def record_all(files, versions, jobs):
    from concurrent.futures import ThreadPoolExecutor
    commands = interpreters()

    def work(item):
        file, version = item
        command, extra = commands[version]
        env = dict(os.environ)
        env.update(extra)
        run = subprocess.run(command + [SELF, "--one", file], env=env, capture_output=True, timeout=REAL_TIMEOUT + 30)
        if run.returncode != 0:
            raise RuntimeError(f"{file} under {version}: {run.stderr.decode()}")
        return file, version, json.loads(run.stdout)

    items = [(file, version) for file in files for version in versions]
    out = {}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for done, (file, version, result) in enumerate(pool.map(work, items), start=1):
            out.setdefault(os.path.basename(file), {})[version] = result
            if done % 100 == 0:
                print(f"  {done}/{len(items)}", file=sys.stderr)
    return out


def differences(expected):
    """Program name -> the fields that differ between versions."""
    out = {}
    for name, by_version in expected.items():
        fields = [f for f in ("stdout", "stderr", "exitCode", "deadlock", "elapsed")
                  if len({json.dumps(by_version[v][f]) for v in by_version}) > 1]
        if fields:
            out[name] = fields
    return out


def main(argv):
    if len(argv) >= 2 and argv[0] == "--one":
        print(json.dumps(record_one(argv[1]), indent=1))
        return
    folder = HERE
    only = None
    versions = VERSIONS
    jobs = int(os.environ.get("RECORD_JOBS", "2"))
    args = list(argv)
    while args:
        flag = args.pop(0)
        if flag == "--dir":
            folder = os.path.abspath(args.pop(0))
        elif flag == "--versions":
            versions = [v.strip() for v in args.pop(0).split(",") if v.strip()]
        elif flag == "--jobs":
            jobs = int(args.pop(0))
        elif flag == "--only":
            only = set()
            while args and not args[0].startswith("--"):
                only.add(os.path.basename(args.pop(0)))
        else:
            print(__doc__, file=sys.stderr)
            sys.exit(2)
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder)
                   if f.endswith(".py") and f not in ("record.py", "generate.py")
                   and (only is None or f in only))
    target = os.path.join(folder, "expected.json")
    expected = {}
    if (only is not None or versions != VERSIONS) and os.path.exists(target):
        with open(target) as handle:
            expected = json.load(handle)["programs"]
    for name, by_version in record_all(files, versions, jobs).items():
        expected.setdefault(name, {}).update(by_version)
    expected = {k: expected[k] for k in sorted(expected)}
    diffs = differences(expected)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump({"generator": "record.py", "versions": sorted({v for r in expected.values() for v in r}), "programs": expected,
                   "versionDifferences": diffs}, handle, indent=1, ensure_ascii=False)
        handle.write("\n")
    print(f"{len(files)} programs recorded under {', '.join(versions)}; "
          f"{len(diffs)} differ between versions", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
