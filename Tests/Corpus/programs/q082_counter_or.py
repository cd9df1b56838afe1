from collections import Counter

a = Counter(ok=2, timeout=1)
b = Counter(ok=1, timeout=3, error=1)
print(a | b)
print(a & b)
