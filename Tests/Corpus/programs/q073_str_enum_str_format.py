from enum import Enum
import sys
class S(str, Enum):
    OK = "ok"
    TIMEOUT = "timeout"
print(str(S.OK), repr(S.OK), format(S.OK), f"{S.OK}", f"{S.OK!s}", f"{S.OK:>8}|", "%s" % S.OK, "{}".format(S.OK))
print(S.OK == "ok", "ok" == S.OK, S("ok"), S.OK.value, S.OK.name, S.OK.upper(), S.OK + "!", len(S.OK), hash(S.OK) == hash("ok"))
print({S.OK: 1}.get("ok"), list(S), isinstance(S.OK, str), type(S.OK).__mro__)
print(sorted([S.TIMEOUT, S.OK]), S.OK in ["ok"], "ok" in {S.OK})
print([m for m in S], S["OK"], S.OK.startswith("o"))
if sys.version_info >= (3, 11):
    from enum import StrEnum
    class T(StrEnum):
        A = "a"
        B = "b"
    print(str(T.A), repr(T.A), format(T.A), f"{T.A}", T.A == "a", T.A.upper(), f"{T.A:>4}|")
