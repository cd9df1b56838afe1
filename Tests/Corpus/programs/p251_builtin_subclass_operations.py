class Results(list):
    def ok(self):
        return [r for r in self if r.endswith(":ok")]

class Names(list):
    def __init__(self, items, label="x"):
        super().__init__(items)
        self.label = label

class Reg(dict):
    def __missing__(self, k):
        return f"<{k}?>"
    def total(self):
        return sum(self.values())

class Reg2(dict):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.extra = 1

class Tool(str):
    def shout(self):
        return self.upper() + "!"

r = Results(["a:ok", "b:timeout"])
r.append("c:ok")
r += ["d:ok"]
print(r, type(r).__name__, r.ok(), len(r), r[0], r[-1], r[1:3], type(r[1:3]).__name__)
print(r == ["a:ok", "b:timeout", "c:ok", "d:ok"], isinstance(r, list), sorted(r), list(reversed(r)))
r.sort(reverse=True); print(r, type(r).__name__)
r2 = r * 2; print(type(r2).__name__, len(r2))
print("a:ok" in r, r.index("c:ok"), r.count("a:ok"), bool(Results()), Results(), repr(Results([1])))
n = Names([3, 1, 2], label="nums"); print(n, n.label, max(n), sum(n), n.copy(), type(n.copy()).__name__)
r.x = 5; print(r.x, vars(r))
g = Reg(a=1, b=2); print(g["a"], g["zz"], g.get("zz"), "zz" in g, g.total(), g, len(g), list(g), dict(g), type(g | {"c": 3}).__name__)
g["c"] = 5; del g["a"]; print(g, sorted(g.items()), Reg(), repr(Reg({"x": 1})))
h = Reg2(p=1, q=2); print(h, h.extra, {**h})
t = Tool("search"); print(t, repr(t), t.shout(), t + "x", type(t + "x").__name__, t == "search", hash(t) == hash("search"), len(t), t[0], t[1:3], f"{t:>8}|", "%s-%r" % (t, t), t.split("a"), {t: 1}["search"], "{}".format(t), str(t), type(str(t)).__name__, sorted([Tool("b"), "a"]), t.startswith("se"), t * 2, type(t * 2).__name__)
print(type(t).__name__, isinstance(t, str), t.title(), ",".join([t, t]), t in {"search"}, max(t), list(t)[:2])
print(f"{r!r}", f"{g}", f"{t!r}", str(r), str(g))
