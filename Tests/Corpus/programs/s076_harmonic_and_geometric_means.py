"""statistics.harmonic_mean and geometric_mean: exact sums of reciprocals, logs summed by fsum, and each version's errors."""
import statistics as st
for data in ([0.12, 0.3, 0.05, 0.9], [1, 2, 4], [3], [2.5], [1, 0, 3], [40, 60], [1e-3, 2e-3, 7.25], [10**20, 3]):
    print(data, st.harmonic_mean(data), st.geometric_mean(data) if 0 not in data else "-")
for bad in ([], [-1, 2], [0, 0]):
    for f in (st.harmonic_mean, st.geometric_mean):
        try:
            print(f.__name__, bad, f(bad))
        except Exception as e:
            print(f.__name__, bad, type(e).__name__, e)
print(st.geometric_mean(iter([1.5, 2.5])), st.harmonic_mean(x for x in [1, 2]))
