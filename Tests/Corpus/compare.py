#!/usr/bin/env python3
"""Differential testing: random programs through CPython and through `lesson run`, compared.

    python Tests/Corpus/compare.py --seed S --count N [--versions 3.10,3.11,3.12,3.13]
                                   [--lesson PATH] [--keep DIR] [--jobs 2]

1. `programs/generate.py S N DIR` writes N random guarded-gather programs (g<S>_<i>.py).
2. `programs/record.py` records CPython's truth for each program under each version, on the
   virtual clock (the same `--one FILE` child per program and version as `record.py --dir`).
3. `LESSON run FILE --json --python X.Y` runs each program under each version, in DIR with the
   file's bare name as its argument (so tracebacks name `g<S>_<i>.py` on both sides). It prints one
   JSON object with at least `python`, `stdout`, `stderr`, `exitCode`, `deadlock` and `elapsed`.
   Exit status 65 with one line on stderr is a refusal: the interpreter would not run the program.
   Refusals are counted and printed apart; they are not disagreements.
4. For every program and version, compares `stdout` exactly, the last non-empty line of `stderr`,
   `exitCode` (null when `deadlock`), `deadlock`, `elapsed` (to 6 places) and that `python` is the
   version asked for. Anything else from lesson (no JSON, another exit status, a time-out) is a
   disagreement in the field `lesson`.

Prints, per version, agreed / disagreed / refused out of N, the refusals (the first 10), and the
first 10 disagreements with a short diff. Exit status: 0 when nothing disagreed (refusals alone do
not fail), 1 when something did, 2 for bad usage or a missing lesson binary.

`--lesson` defaults to `.build/release/lesson`, then `.build/debug/lesson`, in the package root.
`--keep DIR` writes the programs there and keeps them, with `expected.json` (CPython's records, in
`record.py --dir`'s format) and `lesson.json` (what lesson printed); otherwise a temporary folder is
used and removed. `--jobs` runs that many interpreters at once (default 2, or `RECORD_JOBS`).
Standard library only; runs under any Python 3.10+.
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
ROOT = os.path.dirname(os.path.dirname(HERE))  # the package root (Tests/Corpus/compare.py)
LESSON_TIMEOUT = 120  # real seconds for one `lesson run`
REFUSED = 65
SHOWN = 10  # disagreements and refusals printed in full


def load(name):
    """Imports programs/<name>.py as a module (record.py and generate.py are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"_corpus_{name}", os.path.join(PROGRAMS, f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


record = load("record")


# ---------------------------------------------------------------------------------------------
# the three steps
# ---------------------------------------------------------------------------------------------

def generate(seed, count, folder):
    """Runs generate.py SEED N DIR and returns the programs' paths, in order."""
    run = subprocess.run([sys.executable, os.path.join(PROGRAMS, "generate.py"), str(seed), str(count), folder],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare: generate.py failed:\n{run.stderr}")
    width = max(5, len(str(count)))  # generate.py's own file names
    paths = [os.path.join(folder, f"g{seed}_{index:0{width}d}.py") for index in range(count)]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise SystemExit(f"compare: generate.py did not write {os.path.basename(missing[0])}")
    return paths


def truth(paths, versions, jobs):
    """CPython's record for each program and version: {file name: {version: record}}."""
    return record.record_all(paths, versions, jobs)


def lesson_run(lesson, path, version):
    """Runs `lesson run FILE --json --python X.Y` in the program's folder; returns what came back."""
    env = dict(os.environ, NO_COLOR="1")
    try:
        run = subprocess.run([lesson, "run", os.path.basename(path), "--json", "--python", version],
                             cwd=os.path.dirname(path), env=env, stdin=subprocess.DEVNULL,
                             capture_output=True, timeout=LESSON_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"kind": "broken", "problem": f"no answer within {LESSON_TIMEOUT} s"}
    except OSError as error:
        return {"kind": "broken", "problem": f"could not start: {error}"}
    stdout = run.stdout.decode("utf-8", "replace")
    stderr = run.stderr.decode("utf-8", "replace")
    stderr_lines = [line for line in stderr.splitlines() if line.strip()]
    if run.returncode == REFUSED and len(stderr_lines) == 1:
        return {"kind": "refused", "message": stderr_lines[0]}
    try:
        answer = json.loads(stdout)
        if not isinstance(answer, dict):
            raise ValueError("not an object")
    except ValueError:
        tail = stderr_lines[-1] if stderr_lines else "(no stderr)"
        return {"kind": "broken", "problem": f"exit status {run.returncode}, no JSON on stdout; stderr: {tail}"}
    return {"kind": "ran", "answer": answer, "status": run.returncode}


def lesson_all(lesson, paths, versions, jobs):
    """lesson's answer for each program and version: {file name: {version: answer}}."""
    items = [(path, version) for path in paths for version in versions]
    out = {}

    def work(item):
        path, version = item
        return os.path.basename(path), version, lesson_run(lesson, path, version)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for done, (name, version, answer) in enumerate(pool.map(work, items), start=1):
            out.setdefault(name, {})[version] = answer
            if done % 100 == 0:
                print(f"  lesson {done}/{len(items)}", file=sys.stderr)
    return out


# ---------------------------------------------------------------------------------------------
# comparing
# ---------------------------------------------------------------------------------------------

def last_line(text):
    lines = [line for line in (text or "").splitlines() if line.strip()]
    return lines[-1] if lines else None


def same_elapsed(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) \
            and not isinstance(b, bool):
        return round(a, 6) == round(b, 6)
    return a == b


def differences(expected, answer, version):
    """The fields where lesson's answer differs from CPython's record: [(field, expected, got)]."""
    out = []
    got_python = answer.get("python")
    if got_python != version:
        out.append(("python", version, got_python))
    if answer.get("stdout") != expected["stdout"]:
        out.append(("stdout", expected["stdout"], answer.get("stdout")))
    if last_line(answer.get("stderr")) != expected["stderrLastLine"]:
        out.append(("stderr last line", expected["stderrLastLine"], last_line(answer.get("stderr"))))
    if answer.get("exitCode") != expected["exitCode"]:
        out.append(("exitCode", expected["exitCode"], answer.get("exitCode")))
    if answer.get("deadlock") != expected["deadlock"]:
        out.append(("deadlock", expected["deadlock"], answer.get("deadlock")))
    if not same_elapsed(answer.get("elapsed"), expected["elapsed"]):
        out.append(("elapsed", expected["elapsed"], answer.get("elapsed")))
    missing = [key for key in ("python", "stdout", "stderr", "exitCode", "deadlock", "elapsed") if key not in answer]
    if missing:
        out.append(("lesson", "the fields python, stdout, stderr, exitCode, deadlock, elapsed",
                    "no " + ", ".join(missing)))
    return out


def clip(value, width=90):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[:width - 3] + "..."


def show(field, expected, got):
    """A short diff of one field, as lines."""
    if field == "stdout" and isinstance(expected, str) and isinstance(got, str):
        want, have = expected.splitlines(keepends=True), got.splitlines(keepends=True)
        index = next((i for i, (a, b) in enumerate(zip(want, have)) if a != b), min(len(want), len(have)))
        where = f"line {index + 1}" + (f" (expected {len(want)} lines, got {len(have)})" if len(want) != len(have) else "")
        return [f"    stdout differs at {where}:",
                f"      expected: {clip(want[index] if index < len(want) else '<end>')}",
                f"      got:      {clip(have[index] if index < len(have) else '<end>')}"]
    if field == "lesson" and expected is None:
        return [f"    lesson: {got}"]
    return [f"    {field}: expected {clip(expected)}, got {clip(got)}"]


def compare(expected, answers, names, versions):
    """Tallies per version and the lists of disagreements and refusals."""
    tally = {version: {"agreed": 0, "disagreed": 0, "refused": 0} for version in versions}
    disagreements = []  # (name, version, [(field, expected, got)])
    refusals = []  # (name, version, message)
    for name in names:
        for version in versions:
            want = expected[name][version]
            answer = answers[name][version]
            if answer["kind"] == "refused":
                tally[version]["refused"] += 1
                refusals.append((name, version, answer["message"]))
                continue
            if answer["kind"] == "broken":
                found = [("lesson", None, answer["problem"])]
            else:
                found = differences(want, answer["answer"], version)
            if found:
                tally[version]["disagreed"] += 1
                disagreements.append((name, version, found))
            else:
                tally[version]["agreed"] += 1
    return tally, disagreements, refusals


def report(tally, disagreements, refusals, count, seed, versions, folder, kept):
    print(f"compare: seed {seed}, {count} programs, Python {', '.join(versions)}")
    print(f"{'version':<8} {'agreed':>7} {'disagreed':>10} {'refused':>8}   of {count}")
    for version in versions:
        row = tally[version]
        print(f"{version:<8} {row['agreed']:>7} {row['disagreed']:>10} {row['refused']:>8}")
    if refusals:
        print()
        print(f"refused: {len(refusals)} run(s), not counted as disagreements"
              + (f"; the first {SHOWN}" if len(refusals) > SHOWN else ""))
        for name, version, message in refusals[:SHOWN]:
            print(f"  {name} under {version}: {message}")
    if disagreements:
        print()
        print(f"disagreements: {len(disagreements)} run(s)" + (f"; the first {SHOWN}" if len(disagreements) > SHOWN else ""))
        for name, version, found in disagreements[:SHOWN]:
            print(f"  {name} under {version}: {', '.join(field for field, _, _ in found)}")
            for field, want, got in found:
                for line in show(field, want, got):
                    print(line)
        name, version, _ = disagreements[0]
        where = folder if kept else "DIR"
        print()
        print(f"reproduce: python {os.path.relpath(os.path.join(PROGRAMS, 'generate.py'))} {seed} {count} {where}  "
              f"# then: lesson run {os.path.join(where, name)} --json --python {version}")
    else:
        print()
        print("no disagreements")


# ---------------------------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------------------------

def default_lesson():
    for build in ("release", "debug"):
        candidate = os.path.join(ROOT, ".build", build, "lesson")
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def parse(argv):
    parser = argparse.ArgumentParser(
        prog="compare.py", description="Random programs through CPython and through `lesson run --json`, compared.")
    parser.add_argument("--seed", type=int, required=True, help="generate.py's seed")
    parser.add_argument("--count", type=int, required=True, help="how many programs")
    parser.add_argument("--versions", default=",".join(record.VERSIONS),
                        help="comma-separated, from 3.10,3.11,3.12,3.13 (default: all four)")
    parser.add_argument("--lesson", help="the lesson binary (default: .build/release/lesson, then .build/debug/lesson)")
    parser.add_argument("--keep", metavar="DIR", help="write and keep the programs and both records in DIR")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("RECORD_JOBS", "2")),
                        help="interpreters run at once (default 2)")
    args = parser.parse_args(argv)
    versions = [v.strip() for v in args.versions.split(",") if v.strip()]
    unknown = [v for v in versions if v not in record.VERSIONS]
    if unknown or not versions:
        parser.error(f"--versions: expected some of {','.join(record.VERSIONS)}, got {args.versions!r}")
    args.versions = versions
    if args.count < 1:
        parser.error("--count must be at least 1")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    lesson = args.lesson or default_lesson()
    if lesson is None:
        print("compare: no lesson binary: build one (swift build -c release) or pass --lesson PATH", file=sys.stderr)
        raise SystemExit(2)
    lesson = os.path.abspath(lesson)
    if not (os.path.isfile(lesson) and os.access(lesson, os.X_OK)):
        print(f"compare: {lesson} is not an executable file", file=sys.stderr)
        raise SystemExit(2)
    args.lesson = lesson
    return args


def run(args, folder, kept):
    paths = generate(args.seed, args.count, folder)
    names = [os.path.basename(p) for p in paths]
    print(f"compare: {len(paths)} programs in {folder}; recording CPython {', '.join(args.versions)} ...",
          file=sys.stderr)
    expected = truth(paths, args.versions, args.jobs)
    print(f"compare: running {args.lesson} ...", file=sys.stderr)
    answers = lesson_all(args.lesson, paths, args.versions, args.jobs)
    if kept:
        with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as handle:
            json.dump({"generator": "generate.py", "seed": args.seed, "versions": args.versions,
                       "programs": {n: expected[n] for n in names}, "versionDifferences": record.differences(expected)},
                      handle, indent=1, ensure_ascii=False)
            handle.write("\n")
        with open(os.path.join(folder, "lesson.json"), "w", encoding="utf-8") as handle:
            json.dump({"lesson": args.lesson, "programs": {n: answers[n] for n in names}}, handle, indent=1,
                      ensure_ascii=False)
            handle.write("\n")
    tally, disagreements, refusals = compare(expected, answers, names, args.versions)
    report(tally, disagreements, refusals, len(paths), args.seed, args.versions, folder, kept)
    return 1 if disagreements else 0


def main(argv):
    args = parse(argv)
    if args.keep:
        folder = os.path.abspath(args.keep)
        os.makedirs(folder, exist_ok=True)
        return run(args, folder, kept=True)
    with tempfile.TemporaryDirectory(prefix="lesson-compare-") as folder:
        return run(args, folder, kept=False)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
