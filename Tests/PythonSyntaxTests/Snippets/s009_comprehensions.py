squares = [x * x for x in range(10) if x % 2 if x > 2]
pairs = [(x, y) for x in a for y in b]
unique = {x for x in items}
mapping = {k: v for k, v in pairs.items()}
total = sum(x for x in range(10))
nested = [[y for y in row] for row in grid]
walrus = [y for x in data if (y := f(x)) is not None]
