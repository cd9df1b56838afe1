"""bytes methods that work as str's do on the same characters: split, strip, count, find, replace, join..."""
payload = b"search:ok;db:timeout;llm:ok;  cache:error  "
print(payload.split(b";"), payload.split(b";", 1), payload.rsplit(b";", 1), b" a  b \n c ".split(), b"a,b".split(b",", maxsplit=0))
print(payload.strip(), payload.count(b":ok"), payload.find(b"db"), payload.rfind(b"o"), payload.index(b"llm"))
print(payload.startswith(b"search"), payload.endswith((b"x", b"  ")), payload.replace(b":ok", b":OK", 1), payload.upper(), b"MiXeD".lower())
print(b"-".join([b"a", b"b"]), b"x\ny\r\nz".splitlines(), b"x\ny".splitlines(True), b"123".isdigit(), b"ab1".isalpha(), b" ".isspace())
print(b"xxhixx".strip(b"x"), b"xxhi".lstrip(b"x"), b"hixx".rstrip(b"x"), b"  hi  ".lstrip(), b"a b".split(None))
for f in [lambda: payload.split(";"), lambda: payload.strip("a"), lambda: payload.count(";"), lambda: payload.replace(";", "x"), lambda: payload.startswith(";"), lambda: b";".join(["a"]), lambda: payload.split(b""), lambda: payload.index(b"zzz"), lambda: b";".join(5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
