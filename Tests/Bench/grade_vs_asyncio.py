#!/usr/bin/env python3
"""How much faster `lesson grade` is than real asyncio on the same class (issue 13's speed goal).

Writes a class of N JSON submissions for lesson 3 (eight calls each, one in ten files broken, as
`lesson-bench grade` makes them), then times two whole processes on it:
  - `lesson grade 3 CLASS --output gradebook.csv` (the release binary, supervised workers);
  - `asyncio_reference.py --replay`, which runs every readable configuration as the lesson page's
    program on real asyncio with the looptime virtual clock (`pip install looptime`).

Usage: python3 Tests/Bench/grade_vs_asyncio.py [N] [LESSON_BINARY]
  (defaults: 10000, .build/release/lesson; run from the repository after `swift build -c release`)
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REFERENCE = os.path.join(ROOT, "Tests", "GuardedGatherTests", "Conformance", "asyncio_reference.py")


def write_class(folder, count):
    rng = random.Random(3)
    readable = []
    for learner in range(count):
        path = os.path.join(folder, f"learner{learner}.json")
        if learner % 10 == 9:
            text = '{"limit": 3, "calls": ['
        else:
            config = {
                "limit": 2 if learner % 10 == 8 else 3, "timeout": 0.15,
                "calls": [{"name": f"tool{i}", "delay": rng.randint(1, 40) / 100} for i in range(8)],
                "evidence": {"timeouts": 2, "note": "the limit protects the upstream; the timeout exposes slow calls"},
            }
            readable.append({k: v for k, v in config.items() if k != "evidence"})
            text = json.dumps(config)
        with open(path, "w") as handle:
            handle.write(text)
    return readable


def timed(command, allowed=(0,)):
    start = time.perf_counter()
    code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT).returncode
    seconds = time.perf_counter() - start
    if code not in allowed:
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return seconds


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    lesson = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build", "release", "lesson")
    # `lesson grade` exits 1 when a learner does not pass (one in ten files here is broken).
    with tempfile.TemporaryDirectory() as work:
        folder = os.path.join(work, "class")
        os.mkdir(folder)
        readable = write_class(folder, count)
        listing = os.path.join(work, "configurations.json")
        with open(listing, "w") as handle:
            json.dump(readable, handle)
        output = os.path.join(work, "gradebook.csv")
        lesson_seconds = min(timed([lesson, "grade", "3", folder, "--output", output], allowed=(0, 1)) for _ in range(3))
        asyncio_seconds = timed([sys.executable, REFERENCE, "--replay", listing])
    print(f"lesson grade, {count} JSON submissions, whole process: {lesson_seconds:.3f} s (best of 3)")
    print(f"asyncio with looptime, the {len(readable)} readable ones: {asyncio_seconds:.3f} s")
    print(f"lesson is {asyncio_seconds / lesson_seconds:.1f}x faster")


if __name__ == "__main__":
    main()
