#!/usr/bin/env python3
"""Records the attribute names CPython 3.10-3.13 give the modules and built-in types lesson runs,
as the Swift table `Sources/PythonInterpreter/Modules/CPythonNames.swift`.

    python3 Tests/Corpus/names/record_names.py            # runs each pyenv CPython, rewrites the Swift file
    python3 Tests/Corpus/names/record_names.py --check    # CI: the table agrees with every CPython here
                                                          # (pyenv's 3.10-3.13, else python3's version)

lesson refuses a program that reaches a name CPython has and lesson does not run (instead of
raising an AttributeError CPython would not raise, or answering False to hasattr). Standard
library only; needs pyenv's 3.10.x-3.13.x (the highest patch of each).
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
OUT = os.path.join(ROOT, "Sources", "PythonInterpreter", "Modules", "CPythonNames.swift")
VERSIONS = ["3.10", "3.11", "3.12", "3.13"]
MODULES = ("asyncio time logging collections typing dataclasses contextlib sys enum math random itertools "
           "functools statistics string bisect heapq operator abc json traceback warnings types contextvars "
           "textwrap copy pprint hashlib zlib").split()
TYPES = "str bytes int bool float list tuple dict set frozenset range slice".split()

PROBE = r"""
import importlib, json
out = {}
for m in %r:
    out["module " + m] = sorted(n for n in dir(importlib.import_module(m)))
for t in %r:
    out["type " + t] = sorted(dir(getattr(__builtins__, t)))
# How many positional arguments each public method of a built-in type takes, from its signature:
# "n" none ($self, /), "o" exactly one (METH_O: $self, x, /), a number for at most that many,
# "*" for any number.
import re
for t in %r:
    kinds = []
    for name in sorted(dir(getattr(__builtins__, t))):
        method = getattr(getattr(__builtins__, t), name)
        signature = getattr(method, "__text_signature__", None)
        if name.startswith("_") or not signature or not signature.startswith("($self"):
            continue
        inner = signature[1:-1]
        params = [p.strip() for p in re.split(r"[,\[\]]", inner) if p.strip()]
        params = params[1:]  # $self
        if "*args" in params or any(p.startswith("*") and p != "*" for p in params):
            kinds.append(name + ":*")
            continue
        positional = []
        for p in params:
            if p == "*":
                break
            if p != "/":
                positional.append(p)
        only = params[:1] == ["/"] or (len(params) >= 2 and params[1] == "/")
        if params == ["/"]:
            kinds.append(name + ":n")
        elif len(positional) == 1 and "=" not in positional[0] and params[1:2] == ["/"] and len(params) == 2:
            kinds.append(name + ":o")
        else:
            kinds.append(name + ":" + str(len(positional)))
    out["arity " + t] = kinds
print(json.dumps(out))
""" % (MODULES, TYPES, TYPES)


def interpreter(version):
    found = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True, text=True).stdout.split()
    matching = sorted((v for v in found if v.startswith(version + ".")), key=lambda v: [int(p) for p in v.split(".")])
    if not matching:
        sys.exit(f"no CPython {version} in pyenv")
    return matching[-1]


def binaries():
    """The CPython of each version this machine has: pyenv's, else python3 alone."""
    try:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
        found = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True, text=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        root, found = None, []
    out = {}
    for version in VERSIONS:
        matching = sorted((v for v in found if v.startswith(version + ".")), key=lambda v: [int(p) for p in v.split(".")])
        if matching:
            out[version] = os.path.join(root, "versions", matching[-1], "bin", "python")
    if not out:
        version = subprocess.run(["python3", "-c", "import sys; print(f'{sys.version_info[0]}.{sys.version_info[1]}')"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        if version not in VERSIONS:
            sys.exit(f"record_names: python3 is {version}; lesson models 3.10 to 3.13")
        out[version] = "python3"
    return out


def check():
    """Fails unless the committed table gives each CPython here exactly the names it has."""
    import re
    table = dict(re.findall(r'^    "([^"]+)": "([^"]*)",$', open(OUT).read(), re.M))
    problems = []
    for version, binary in binaries().items():
        names = json.loads(subprocess.run([binary, "-c", PROBE], capture_output=True, text=True, check=True).stdout)
        for key, real in names.items():
            if key.startswith("arity "):
                continue
            union, _, missing = table.get(key, "").partition(" | ")
            lacks = {n.split(":", 1)[1] for n in missing.split() if n.startswith(version + ":")}
            listed = set(union.split()) - lacks
            if listed != set(real):
                problems.append(f"{version} {key}: table {sorted(listed ^ set(real))[:5]} differ")
        print(f"record_names: CPython {version}: {len(names)} modules and types checked")
    if problems:
        sys.exit("record_names: FAIL: the table is not what CPython has; run record_names.py\n" + "\n".join(problems[:20]))


def main():
    names = {}
    for version in VERSIONS:
        # The interpreter's own binary: under `pyenv exec`, "python" on PATH is the running one.
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
        binary = os.path.join(root, "versions", interpreter(version), "bin", "python")
        names[version] = json.loads(subprocess.run([binary, "-c", PROBE], capture_output=True, text=True,
                                                   check=True).stdout)
    keys = sorted(k for k in names[VERSIONS[0]] if not k.startswith("arity "))
    lines = [
        "// Generated by Tests/Corpus/names/record_names.py from CPython 3.10-3.13: do not edit.",
        "",
        "/// The attribute names CPython gives the modules and built-in types lesson runs, by version:",
        "/// `dir(module)` and `dir(type)`. Each entry is the names of every version, then the names",
        "/// some versions lack (`3.10:name`).",
        "enum CPythonNames {",
        "  static let table: [String: String] = [",
    ]
    for key in keys:
        union = sorted(set().union(*(names[v][key] for v in VERSIONS)))
        missing = [f"{v}:{n}" for v in VERSIONS for n in union if n not in names[v][key]]
        lines.append(f'    "{key}": "{" ".join(union)}{" | " + " ".join(missing) if missing else ""}",')
    lines += [
        "  ]",
        "",
        "  /// The positional arguments each public method of a built-in type takes (CPython",
        "  /// " + VERSIONS[-1] + "'s signatures): `n` none, `o` exactly one, a number for at most that many, `*` any.",
        "  static let arity: [String: String] = [",
    ]
    for key in sorted(k for k in names[VERSIONS[-1]] if k.startswith("arity ")):
        lines.append(f'    "{key[6:]}": "{" ".join(names[VERSIONS[-1]][key])}",')
    lines += ["  ]", "}", ""]
    with open(OUT, "w") as f:
        f.write("\n".join(lines))
    print(f"{OUT}: {len(keys)} modules and types")


if __name__ == "__main__":
    check() if sys.argv[1:] == ["--check"] else main()
