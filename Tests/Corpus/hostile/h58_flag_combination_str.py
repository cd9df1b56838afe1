# str() of a combination of Flag members: 3.10 writes 'Cap.WRITE|READ', 3.11+ 'Cap.READ|WRITE'.
from enum import Flag, auto


class Cap(Flag):
    READ = auto()
    WRITE = auto()


print(Cap.READ | Cap.WRITE)
