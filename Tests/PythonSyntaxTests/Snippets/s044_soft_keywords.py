match = {"a": 1}
match["a"] = 2
match.x = 1
print(match)
case = 1
type = int
type(x)
_ = 1
def match(): pass
def case(type=None): return type
match, case = 1, 2
match * 2
match(1)
match[1]
x = match
