import operator
from operator import itemgetter, attrgetter
rows=[("b",2),("a",3)]
print(sorted(rows, key=itemgetter(1), reverse=True), itemgetter(0,1)(rows[0]), operator.add(2,3), operator.mul(2,5), repr(itemgetter(1)), operator.abs(-3))
