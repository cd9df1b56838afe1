from collections import OrderedDict

print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1))
print(OrderedDict(a=1, b=2) == dict(b=2, a=1))
