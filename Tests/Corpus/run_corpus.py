# Development aid: runs the learner-program corpus through .build/debug/python-run and compares with expected.json.
# python3 Tests/Corpus/run_corpus.py 3.10,3.13 [name-filter...]
import json, subprocess, sys, os, collections
import pathlib
root = str(pathlib.Path(__file__).resolve().parent / "programs")
binary = str(pathlib.Path(__file__).resolve().parents[2] / ".build/debug/python-run")
exp = json.load(open(f"{root}/expected.json"))["programs"]
versions = sys.argv[1].split(",") if len(sys.argv) > 1 else ["3.13"]
only = sys.argv[2:] 
stats = collections.Counter(); fails = []
for name, recs in sorted(exp.items()):
    if only and not any(o in name for o in only): continue
    for v in versions:
        r = subprocess.run([binary, name, v], cwd=root, capture_output=True, text=True, timeout=60)
        try: got = json.loads(r.stdout)
        except Exception: stats["crash"] += 1; fails.append((name, v, "crash", r.stderr[-300:])); continue
        e = recs[v]
        if "stop" in got: stats["refused"] += 1; fails.append((name, v, "stop", got["stop"][:200])); continue
        last = lambda s: ([l for l in s.splitlines() if l.strip()] or [None])[-1]
        ok = got["stdout"] == e["stdout"] and last(got["stderr"]) == e["stderrLastLine"] and got["exitCode"] == e["exitCode"] and got["deadlock"] == e["deadlock"] and abs(got["elapsed"] - e["elapsed"]) < 1e-6
        if ok: stats["ok"] += 1
        else:
            stats["diff"] += 1
            for f in ["stdout", "exitCode", "deadlock", "elapsed"]:
                if got[f] != e[f]: fails.append((name, v, f, repr(e[f])[:150], repr(got[f])[:150])); break
            else: fails.append((name, v, "stderr", e["stderrLastLine"], last(got["stderr"])))
print(dict(stats))
for f in fails: print(*f, sep=" | ")
