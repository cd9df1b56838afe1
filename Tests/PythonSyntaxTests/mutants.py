#!/usr/bin/env python3
"""Compare PythonSyntax with CPython on mutants of the recorded programs (not part of `swift test`).

Each mutant is a recorded program with one small edit, the kind a learner's typo makes: a
character deleted, duplicated or replaced by a bracket, quote, colon or comma; a line indented or
dedented; two lines swapped. Every mutant is parsed by CPython 3.10 to 3.13 and by
`python-ast-dump` (build it first: `swift build -c release --product python-ast-dump`), and the
script prints how many agree on the whole outcome (the dump, or the error's class, message, line
and offset) under each version, and the first disagreements.

    python3 Tests/PythonSyntaxTests/mutants.py [COUNT] [SEED]
"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from record_ast import FOLDERS, VERSIONS, WORKER, python  # noqa: E402

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 500
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 1


def mutate(source, rng):
    lines = source.split("\n")
    kind = rng.randrange(6)
    if kind == 0 and len(source) > 1:
        i = rng.randrange(len(source))
        return source[:i] + source[i + 1:]
    if kind == 1:
        i = rng.randrange(len(source))
        return source[:i] + source[i] + source[i:]
    if kind == 2:
        i = rng.randrange(len(source))
        return source[:i] + rng.choice("()[]{}:,'\"=.*\\#") + source[i + 1:]
    if kind == 3:
        i = rng.randrange(len(lines))
        lines[i] = "  " + lines[i]
        return "\n".join(lines)
    if kind == 4:
        i = rng.randrange(len(lines))
        lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        return "\n".join(lines)
    if len(lines) > 2:
        i = rng.randrange(len(lines) - 1)
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return "\n".join(lines)


def main():
    rng = random.Random(SEED)
    sources = []
    for folder in FOLDERS[:2]:
        for dirpath, _, names in os.walk(os.path.join(ROOT, folder)):
            for name in sorted(names):
                if name.endswith(".py"):
                    with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                        sources.append(f.read())
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n in range(COUNT):
            path = os.path.join(tmp, f"m{n:05d}.py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(mutate(rng.choice(sources), rng))
            paths.append(path)
        expected = {}
        for version, release in VERSIONS.items():
            run = subprocess.run([python(release), "-c", WORKER], input="\n".join(paths), capture_output=True,
                                 text=True, check=True)
            for path, entry in json.loads(run.stdout).items():
                expected[(path, version)] = entry
        tool = os.path.join(ROOT, ".build", "release", "python-ast-dump")
        run = subprocess.run([tool, "--json"] + paths, capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stderr)
        agree = {v: 0 for v in VERSIONS}
        # Disagreements where either side accepted the program: the ones that matter most.
        serious = {v: 0 for v in VERSIONS}
        shown = 0
        for line in run.stdout.splitlines():
            ours = json.loads(line)
            theirs = expected[(ours["path"], ours["version"])]
            theirs.pop("compile", None)
            theirs.pop("dump_attributes_fnv1a", None)
            ours_outcome = {k: ours[k] for k in ("dump", "error") if k in ours}
            if ours_outcome == theirs:
                agree[ours["version"]] += 1
            elif "dump" in ours_outcome or "dump" in theirs:
                serious[ours["version"]] += 1
                print("!!! accepted by one side:", ours["path"], ours["version"], json.dumps(ours_outcome)[:200],
                      json.dumps(theirs)[:200])
            elif shown < 15 and ours["version"] == os.environ.get("SHOW", "3.12"):
                shown += 1
                with open(ours["path"], encoding="utf-8") as f:
                    lines = f.read().split("\n")
                where = (theirs.get("error") or ours.get("error") or {}).get("lineno") or 1
                print("---", os.path.basename(ours["path"]), "line", where, repr(lines[where - 1] if where <= len(lines) else ""))
                print("  ours:   ", json.dumps(ours_outcome)[:220])
                print("  CPython:", json.dumps(theirs)[:220])
        for version, count in agree.items():
            print(f"{version}: {count}/{COUNT} mutants agree; {serious[version]} disagree on whether it parses or on the tree")


if __name__ == "__main__":
    main()
