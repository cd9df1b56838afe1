[a for a b]
