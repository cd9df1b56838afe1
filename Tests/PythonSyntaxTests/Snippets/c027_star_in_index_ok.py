print(*a, *b)
x = [*a, *b]
