import random
rng = random.Random(7)
print([round(rng.triangular(0.05, 0.5, 0.2), 6) for _ in range(5)], rng.triangular(), rng.triangular(1, 1, 1), random.Random(3).triangular(10, 0))
from types import SimpleNamespace
n = SimpleNamespace(a=1, b="x")
print(n, n == SimpleNamespace(a=1, b="x"), n.a)
