#!/usr/bin/env python3
"""Record what CPython's `ast` makes of every Python file the syntax tests read.

For each `.py` file under Tests/Corpus/programs/, Tests/LessonKitTests/Fixtures/programs/ and
Tests/PythonSyntaxTests/Snippets/, and for each of CPython 3.10.13, 3.11.7, 3.12.1 and 3.13.0
(found with `pyenv prefix`), records `ast.dump(ast.parse(source))`, or the SyntaxError's class,
msg, lineno and offset, into Tests/PythonSyntaxTests/expected.json (sorted keys, one entry per
file, paths relative to the repository root). When the parse succeeds, "compile" records what
`compile(source, path, "exec")` then says: null, or the SyntaxError the compiler raises
(`'return' outside function`, `'await' outside function`, `nonlocal` at module level, ...), and,
under 3.12 and 3.13, "dump_attributes_fnv1a" is the 64-bit FNV-1a hash of
`ast.dump(tree, include_attributes=True)`: every node's lineno, col_offset, end_lineno and
end_col_offset.

Run from anywhere: `python3 Tests/PythonSyntaxTests/record_ast.py`.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FOLDERS = ["Tests/Corpus/programs", "Tests/LessonKitTests/Fixtures/programs", "Tests/PythonSyntaxTests/Snippets"]
VERSIONS = {"3.10": "3.10.13", "3.11": "3.11.7", "3.12": "3.12.1", "3.13": "3.13.0"}

# Runs inside each CPython: reads the list of paths on stdin, prints one JSON object.
WORKER = r'''
import ast, json, sys, warnings
warnings.simplefilter("ignore")
out = {}
for path in sys.stdin.read().split("\n"):
    if not path:
        continue
    with open(path, "rb") as f:
        data = f.read()
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as e:
        out[path] = {"undecodable": True}
        continue
    try:
        tree = ast.parse(source)
        out[path] = {"dump": ast.dump(tree)}
        if sys.version_info >= (3, 12):
            # Positions too, where CPython's own are regular (before 3.12 the pieces of an
            # f-string all stand where the whole literal does): as a 64-bit FNV-1a hash of the
            # dump's UTF-8, to keep this file small (`python-ast-dump --attributes` shows ours).
            h = 0xcbf29ce484222325
            for b in ast.dump(tree, include_attributes=True).encode("utf-8"):
                h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
            out[path]["dump_attributes_fnv1a"] = format(h, "016x")
        # What the compiler (symbol table and code generator) rejects after parsing succeeds.
        try:
            compile(source, path, "exec", dont_inherit=True)
            out[path]["compile"] = None
        except SyntaxError as e:
            out[path]["compile"] = {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset}
    except SyntaxError as e:
        out[path] = {"error": {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset}}
    except (ValueError, MemoryError, RecursionError) as e:
        out[path] = {"error": {"type": type(e).__name__, "msg": str(e), "lineno": None, "offset": None}}
print(json.dumps(out))
'''


def python(release):
    prefix = subprocess.run(["pyenv", "prefix", release], capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(prefix, "bin", "python")


def main():
    paths = []
    for folder in FOLDERS:
        base = os.path.join(ROOT, folder)
        for dirpath, _, names in os.walk(base):
            for name in names:
                if name.endswith(".py"):
                    paths.append(os.path.relpath(os.path.join(dirpath, name), ROOT))
    paths.sort()
    results = {path: {} for path in paths}
    for version, release in VERSIONS.items():
        run = subprocess.run([python(release), "-c", WORKER], input="\n".join(paths), capture_output=True,
                             text=True, cwd=ROOT, check=True)
        for path, entry in json.loads(run.stdout).items():
            results[path][version] = entry
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump({"versions": VERSIONS, "files": results}, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(f"recorded {len(paths)} files under {len(VERSIONS)} versions", file=sys.stderr)


if __name__ == "__main__":
    main()
