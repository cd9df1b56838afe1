# itertools asked for tuples of 2**62 items: CPython allocates the index array first and raises
# MemoryError; lesson stops on its memory budget instead of allocating.
import itertools

print(list(itertools.combinations(range(3), 2**62)))
