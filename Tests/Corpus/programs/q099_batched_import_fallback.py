try:
    from itertools import batched
except ImportError as exc:
    print("ImportError:", exc)

    def batched(iterable, n):
        items = list(iterable)
        return [tuple(items[i:i + n]) for i in range(0, len(items), n)]

print(list(batched("abcde", 2)))
