import os
import os.path as osp, sys
from . import sibling
from .. import parent
from .mod import name as alias, other
from ...deep.mod import *
from collections import (
    Counter,
    defaultdict,
)
import a.b.c
