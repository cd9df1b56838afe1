"""Record CPython's answers for the PythonValues tests.

Run from the repository root:

    PYENV_VERSION=3.12.1 python Tests/PythonValuesTests/record.py

It writes one JSON file per subject next to itself, recorded by the running interpreter
(3.12.1), and `versioned.json` from every release via `$(pyenv prefix X)/bin/python`.
Each case is a JSON array: the operation, its arguments, and last the answer CPython gave, or
"!Type: message" when it raised. Ints travel as hex text (`hex(n)`, no digit limit), floats as
`float.hex(x)` text so that every bit arrives.
"""

import json
import unicodedata
import math
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RELEASES = ["3.10.13", "3.11.7", "3.12.1", "3.13.0"]


def answer(f):
    try:
        return f()
    except Exception as e:  # the message is the point
        return "!%s: %s" % (type(e).__name__, e)


def H(n):
    return hex(n)


def F(x):
    return float.hex(float(x))


# MARK: ints

def interesting_ints(rng):
    base = [0, 1, -1, 2, -2, 3, 7, 10, -10, 255, 256, 2**31, 2**32 - 1, 2**32, 2**53, 2**53 + 1,
            2**62, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1, 2**64, 2**64 + 1, -2**64,
            2**127, 2**128 - 1, -2**128, 10**18, 10**19, 10**20, -10**19, 12345678901234567890123,
            2**200 - 1, 3**150, -(7**90), 2**1024, 2**1024 - 2**970, 2**1023, 2**1024 - 2**971,
            2**1024 - 2**970 - 1]
    out = list(base)
    for _ in range(300):
        bits = rng.choice([1, 5, 31, 33, 62, 63, 64, 65, 100, 127, 128, 129, 200, 500, 1000, 2000])
        n = rng.getrandbits(bits)
        if rng.random() < 0.3:
            # long runs of ones and zeros stress carries and the quotient estimate
            n = (1 << bits) - 1 - (rng.getrandbits(max(1, bits // 3)) if rng.random() < 0.5 else 0)
        out.append(-n if rng.random() < 0.5 else n)
    return out


def record_ints(rng):
    cases = []
    values = interesting_ints(rng)
    pairs = [(rng.choice(values), rng.choice(values)) for _ in range(700)]
    pairs += [(a, b) for a in values[:41] for b in values[:41:3]]
    for a, b in pairs:
        cases.append(["add", H(a), H(b), H(a + b)])
        cases.append(["sub", H(a), H(b), H(a - b)])
        cases.append(["mul", H(a), H(b), H(a * b)])
        cases.append(["floordiv", H(a), H(b), answer(lambda: H(a // b))])
        cases.append(["mod", H(a), H(b), answer(lambda: H(a % b))])
        cases.append(["and", H(a), H(b), H(a & b)])
        cases.append(["or", H(a), H(b), H(a | b)])
        cases.append(["xor", H(a), H(b), H(a ^ b)])
        cases.append(["cmp", H(a), H(b), str((a > b) - (a < b))])
        cases.append(["truediv", H(a), H(b), answer(lambda: F(a / b))])
    # Division where the divisor is near the dividend: Knuth's add-back step.
    for _ in range(500):
        bits = rng.choice([128, 192, 256, 320, 640])
        b = (1 << bits) - rng.getrandbits(64)
        a = b * rng.getrandbits(bits) + rng.getrandbits(bits // 2)
        cases.append(["floordiv", H(a), H(b), H(a // b)])
        cases.append(["mod", H(a), H(-b), H(a % -b)])
    for a in values:
        cases.append(["neg", H(a), H(-a)])
        cases.append(["invert", H(a), H(~a)])
        cases.append(["hash", H(a), str(hash(a))])
        cases.append(["float", H(a), answer(lambda: F(float(a)))])
        cases.append(["bitlength", H(a), str(a.bit_length())])
        for s in [0, 1, 63, 64, 65, 200]:
            cases.append(["lshift", H(a), str(s), H(a << s)])
            cases.append(["rshift", H(a), str(s), H(a >> s)])
    for a in values[:60] + [rng.choice(values) for _ in range(60)]:
        for e in [0, 1, 2, 3, 5, 10, 33, 64, 100]:
            if abs(a).bit_length() * e < 20000:
                cases.append(["pow", H(a), str(e), H(a ** e)])
    for _ in range(300):
        a, b, m = rng.choice(values), rng.choice(values + [-1, 2, 3, 0]), rng.choice(values[:30] + [97, -97, 0])
        if b < 0 and abs(b) > 2**64:
            b = -rng.getrandbits(16)
        cases.append(["powmod", H(a), H(b), H(m), answer(lambda: H(pow(a, b, m)))])
    # Huge operands: Karatsuba multiplication and long division over hundreds of words.
    for _ in range(12):
        a = rng.getrandbits(rng.choice([8000, 12000, 20000])) * rng.choice([1, -1])
        b = rng.getrandbits(rng.choice([3500, 6000, 9000])) * rng.choice([1, -1]) | 1
        cases.append(["mul", H(a), H(b), H(a * b)])
        cases.append(["floordiv", H(a), H(b), H(a // b)])
        cases.append(["mod", H(a), H(b), H(a % b)])
    # round(n, ndigits) and exact comparisons with floats.
    for a in values[:50] + [15, 25, 35, -25, 1250, 1350, -1250, 10**20 + 5 * 10**9, 2**70]:
        for nd in [0, 1, -1, -2, -3, -10, -19, -20, -25, -400]:
            cases.append(["round", H(a), str(nd), H(round(a, nd))])
    for a in values[:60]:
        for x in [0.0, -0.0, 0.5, -0.5, 1.0, 2.0**53, 2.0**53 + 2, 2.0**63, -2.0**63, 2.0**64, 1e300, -1e300,
                  math.inf, -math.inf, math.nan, float(a) if abs(a) < 2**1000 else 1.0, 2.5]:
            cases.append(["cmpfloat", H(a), F(x), "nan" if x != x else str((a > x) - (a < x))])
    # Ints from floats, floats from ints with rounding ties.
    for _ in range(500):
        x = rng.choice([rng.uniform(-1e6, 1e6), rng.uniform(-1e30, 1e30), rng.random() * 2.0 ** rng.randint(-20, 1023)])
        cases.append(["fromfloat", F(x), answer(lambda: H(int(x)))])
    for x in [math.inf, -math.inf, math.nan, 0.0, -0.0, 0.5, -0.5, 1e300, -1.9999, 2.0**63, -2.0**63, 2.0**64]:
        cases.append(["fromfloat", F(x), answer(lambda: H(int(x)))])
    for _ in range(500):
        k = rng.randint(54, 1030)
        n = (1 << k) | rng.getrandbits(k)
        # a tie or near-tie at the 53rd bit
        n = (n >> (k - 53) << (k - 53)) | (1 << (k - 54)) | (rng.getrandbits(3) if rng.random() < 0.5 else 0)
        cases.append(["float", H(n), answer(lambda: F(float(n)))])
        d = rng.getrandbits(rng.randint(1, 200)) or 1
        cases.append(["truediv", H(n), H(d), answer(lambda: F(n / d))])
        big = n * rng.getrandbits(900) + 1
        cases.append(["truediv", H(d), H(big), answer(lambda: F(d / big))])
    for e in range(1060, 1080):
        for d in [1, 3, 10**5]:
            cases.append(["truediv", H(1), H(d << e), F(1 / (d << e))])
    # Decimal text and the other bases.
    for a in values:
        s = answer(lambda: str(a))
        cases.append(["str", H(a), s])
        cases.append(["oct", H(a), oct(a)])
        cases.append(["bin", H(a), bin(a)])
        cases.append(["hex", H(a), hex(a)])
    cases.append(["str", H(10**4300 - 1), str(10**4300 - 1)])
    cases.append(["str", H(10**4300), answer(lambda: str(10**4300))])
    cases.append(["str", H(-10**4300), answer(lambda: str(-10**4300))])
    cases.append(["str", H(2**14300), answer(lambda: str(2**14300))])
    texts = ["0", "-0", "+7", "  42  ", "\t-13\n", "1_000", "1__000", "_1", "1_", "0x1f", "0X1F", "0o17", "0b101",
             "0b", "0x", "0x_1f", "0x__1f", "00", "007", "0_0", "1e3", "12a", "", " ", "-", "+-1", "٣٤", "１２",
             "9" * 30, "-" + "9" * 40, "1 2", "0x1g", "ff", "FF", "z", "Z", "10", "0b1", "\u00a012\u3000",
             "1" * 4300, "1" * 4301, "0_7", "0o_7", "+0x10", "-0b_1_0"]
    for t in texts:
        for base in [10, 0, 2, 8, 16, 36, 1, 37, 7]:
            cases.append(["int", t, str(base), answer(lambda: H(int(t, base)))])
    for _ in range(300):
        base = rng.randint(2, 36)
        n = rng.getrandbits(rng.choice([10, 64, 100, 600]))
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        t, m = "", n
        while m:
            t = digits[m % base] + t
            m //= base
        t = t or "0"
        if rng.random() < 0.5:
            t = t.upper()
        t = ("-" if rng.random() < 0.3 else "") + t
        cases.append(["int", t, str(base), answer(lambda: H(int(t, base)))])
    return cases


# MARK: floats

def interesting_floats(rng):
    xs = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 1e16, 1e15, 9999999999999998.0, 1e17, 1e22, 1e23,
          1e-5, 1e-4, 0.0001, 0.00001234, 1.5e300, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, 123456789.0, 1234567890123456789.0, 0.5, 1.5, 2.5, -2.5, 2.675, 0.125, 0.375,
          3.14159, 2.71828, 1e100, 123.456, -123.456, 1e-10, 9.995, 0.045, 1.005, 2.0**53, 2.0**53 + 2, 2.0**63, 2.0**64,
          4.35, 0.015, 1.115, 12345.6789, 0.9999999, 9.9999999e10, math.inf, -math.inf, math.nan, 1e-7, 1e-320]
    for e in range(-30, 31):
        xs.append(10.0 ** e)
        xs.append(2.0 ** (e * 30))
    return xs


def random_double(rng):
    r = rng.random()
    if r < 0.4:
        import struct
        while True:
            x = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
            if math.isfinite(x):
                return x
    if r < 0.7:
        return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    if r < 0.85:
        return rng.uniform(-1, 1) * 10.0 ** rng.randint(-25, 25)
    return float(rng.randint(-10**6, 10**6)) / rng.choice([1, 2, 4, 8, 10, 100, 1000, 3])


def record_float_repr(rng):
    cases = [["repr", F(x), repr(x)] for x in interesting_floats(rng)]
    for _ in range(6000):
        x = random_double(rng)
        cases.append(["repr", F(x), repr(x)])
    # Powers of two: the narrower gap below makes the shortest digits asymmetric.
    for e in range(-1074, 1024, 7):
        cases.append(["repr", F(2.0 ** e), repr(2.0 ** e)])
    for x in interesting_floats(rng) + [random_double(rng) for _ in range(1500)]:
        for n in [None, 0, 1, 2, 3, -1, -2, 5, 10, 17, 300, 400, -308, -309]:
            if n is None:
                cases.append(["round", F(x), "None", answer(lambda: H(round(x)))])
            else:
                cases.append(["round", F(x), str(n), answer(lambda: F(round(x, n)))])
        cases.append(["hash", F(x), str(hash(x)) if x == x else "0"])
    # Float // % divmod, including signed zeros, infinities and huge quotients.
    operands = interesting_floats(rng)[:60] + [random_double(rng) for _ in range(150)] + [-0.0, 3.0, -3.0, 0.1]
    for _ in range(4000):
        a, b = rng.choice(operands), rng.choice(operands)
        cases.append(["floordiv", F(a), F(b), answer(lambda: F(a // b))])
        cases.append(["mod", F(a), F(b), answer(lambda: F(a % b))])
        cases.append(["divmod", F(a), F(b), answer(lambda: " ".join(F(v) for v in divmod(a, b)))])
        cases.append(["div", F(a), F(b), answer(lambda: F(a / b))])
    # math.fsum, statistics.mean and fmean
    import statistics
    for values in sum_inputs():
        if all(isinstance(v, float) for v in values):
            cases.append(["fsum", enc_values(values), answer(lambda: F(math.fsum(values)))])
            if values and all(math.isfinite(v) for v in values):
                cases.append(["fmean", enc_values(values), answer(lambda: F(statistics.fmean(values)))])
        if values and all(math.isfinite(v) for v in values):
            m = statistics.mean(values)
            cases.append(["mean", enc_values(values), F(m) if isinstance(m, float) else H(m)])
    for values in [[1e308, 1e308], [1e308, 1e308, -1e308], [math.inf, -math.inf], [math.nan], [1e-320, 1e-320],
                   [1.0, 1e100, 1.0, -1e100], [1e-16, 1.0, 1e16], [0.1] * 10]:
        cases.append(["fsum", enc_values(values), answer(lambda: F(math.fsum(values)))])
    # float(text)
    texts = ["1", "1.5", " -2.25 ", "+.5", "5.", ".", "", "  ", "1e5", "1E-5", "1e", "e5", "1e+", "1_000.5", "1__0",
             "_1", "1_", "1_.5", "1._5", "1.5_5", "1e1_0", "inf", "-Infinity", "+iNF", "nan", "-NaN", "infinit",
             "nan1", "0x1p3", "1,5", "١.٥", "１２.５", "\u00a01.5\u3000", "1e400", "-1e400", "1e-400", "4.9e-324",
             "2.4703282292062328e-324", "2.4703282292062327e-324", "0.1", "123456789012345678901234567890",
             "1.7976931348623157e308", "1.7976931348623159e308", "12abc", "abc", "1 2", "--1", "+-1", "1.2.3",
             "9007199254740993", "0.30000000000000004", "1_000_000"]
    for t in texts + [repr(random_double(rng)) for _ in range(300)] + ["%.25e" % random_double(rng) for _ in range(300)]:
        cases.append(["parse", t, answer(lambda: F(float(t)))])
    return cases


# MARK: format()

SPECS = ["", "d", "5", "<5", ">8", "^7", "=+8", "*^9", "0>6", "x", "X", "#x", "#X", "o", "#o", "b", "#b", "c",
         "n", ",", "_", ",d", "_x", "_b", "+", " ", "-", "+d", " d", "010", "010,", "#010x", "e", "E", ".2e", ".0e",
         "f", ".2f", ".0f", "#.0f", ".10f", "F", "g", "G", ".3g", ".10g", "#g", "#.3g", "%", ".1%", ".0%", "10.3f",
         "<10.2f", ">10.2e", "^12.4g", "+.3f", " .3f", "z.1f", "z.0f", "+z.2f", ".2", ".3", ".17", "#", "#.3", ",.2f",
         "_.2f", ",g", "015,.2f", "s", ">5s", ".3s", "^10.2s", "=5", "=5d", "0", "00", "a", "q", ".2d", ".2x",
         ",x", ",e", "10,", "z", "zd", "z", "#s", "+s", "010s", "-s", " >3", "\u00e9>5", ">>5", "<<<3", "1,000",
         ".", ".f", "5.", ",_", "_,", ",,", "20,.3e", "=-10.1f", "0=8", "030,.1f", "-010,", ".0g", ".1g",
         "#.0e", "#.0g", "#o", ">+#010_x", ".500f", "99999999999999999999d", ".99999999999999999999f",
         "c", "5c", "+c", "#c", ",c", "10n", ".3n", "n", ",n", "_n", "_o", ",o", "_X", "_#x"]


def random_spec(rng):
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(["", "*", "0", " ", "x", "é", "<"]) + rng.choice("<>^="))
    elif rng.random() < 0.3:
        parts.append(rng.choice("<>^="))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.1:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.2:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randint(0, 25)))
    if rng.random() < 0.2:
        parts.append(rng.choice(",_"))
    if rng.random() < 0.5:
        parts.append("." + str(rng.randint(0, 20)))
    if rng.random() < 0.8:
        parts.append(rng.choice("bcdoxXneEfFgG%s"))
    return "".join(parts)


def record_format(rng):
    cases = []
    ints = [0, 1, -1, 7, -7, 42, 255, -255, 1000, -1000, 1234567, -1234567, 2**64, -(2**70), 10**30, 65, 0x10FFFF,
            0x110000, -3, 9, 10**100]
    floats = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 3.14159, -3.14159, 1234.5678, -1234.5678, 1e16, 1e-5, 1.5e300, 1e22,
              123456789.125, 0.000123, 9.995, 2.675, 1e-320, math.inf, -math.inf, math.nan, 100.0, 0.1, 1e100,
              -0.0004, 99.99, 0.999, 1.23e-7]
    strs = ["", "a", "abc", "hello world", "é", "日本", "e\u0301", "x" * 12]
    specs = SPECS + [random_spec(rng) for _ in range(600)]
    for spec in specs:
        for v in ints:
            cases.append(["int", H(v), spec, answer(lambda: format(v, spec))])
        for v in floats:
            cases.append(["float", F(v), spec, answer(lambda: format(v, spec))])
        for v in strs:
            cases.append(["str", v, spec, answer(lambda: format(v, spec))])
        for v in [True, False]:
            cases.append(["bool", str(v), spec, answer(lambda: format(v, spec))])
    for _ in range(4000):
        spec = rng.choice(["", ".2f", ".3e", ".4g", "g", ".1f", ".0f", ".6f", "e", ".15g", ".17g", "%", ".12f",
                           ".20e", "f", ".2%", ",.2f", "10.3f", ".30f"])
        x = random_double(rng)
        cases.append(["float", F(x), spec, answer(lambda: format(x, spec))])
    return cases


# MARK: printf-style %

def V(v):
    """A typed argument for the Swift side."""
    if isinstance(v, bool):
        return "b:" + str(v)
    if isinstance(v, int):
        return "i:" + H(v)
    if isinstance(v, float):
        return "f:" + F(v)
    if isinstance(v, str):
        return "s:" + v
    if v is None:
        return "n:"
    if isinstance(v, (list, tuple)):
        return "o:" + type(v).__name__ + ":" + repr(v)
    raise TypeError(v)


def record_percent(rng):
    cases = []
    fmts = [
        ("%s %d %.2f %5.1f %-10s| %x %r %%", ("a", 42, 3.14159, 2.25, "left", 255, "q")),
        ("%s", ("x",)), ("%s", "x"), ("%s", 5), ("%d", 3.99), ("%d", -3.99), ("%i", 7), ("%u", 7),
        ("%d", "a"), ("%d", ()), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%%", ()), ("%", ()), ("%z", (1,)),
        ("%5d|%-5d|%05d|%+d|% d", (1, 2, 3, 4, 5)), ("%x %X %#x %#X %o %#o", (255, 255, 255, 255, 8, 8)),
        ("%e %E %.3e %g %G %.3g %#g", (12345.678, 12345.678, 0.00012, 1e-5, 1e20, 3.14159, 1.0)),
        ("%f %F %.0f %#.0f %10.4f %-10.2f|", (1.5, math.inf, 2.5, 2.5, math.pi, -1.0)),
        ("%c%c%c", ("a", 98, "c")), ("%c", ("ab",)), ("%c", (0x110000,)), ("%c", (-1,)), ("%c", (3.0,)),
        ("%r %a", ("é\n", "é\n")), ("%s", (None,)), ("%s %s", (True, 1.0)), ("%d %d", (True, False)),
        ("%x", (3.0,)), ("%x", ("a",)), ("%o", (-8,)), ("%.3s|%5.1s|%-5s|", ("abcdef", "xyz", "ab")),
        ("%*d|%-*d", (5, 42, 4, 7)), ("%.*f", (2, 3.14159)), ("%(name)s is %(age)d", {"name": "Ann", "age": 30}),
        ("%(name)s", {"x": 1}), ("%(a)s %s", {"a": 1}), ("%s %(a)s", ("x",)), ("%(a)5.1f|", {"a": 2.25}),
        ("%d", (10**30,)), ("%x", (-(2**70),)), ("%f", (10**20,)), ("%f", (10**400,)), ("%e", ("1",)),
        ("%f", ("1",)), ("%f", (None,)), ("%d", (None,)), ("%s", ([1, 2],)), ("%s", [1, 2]), ("%r", ("it's",)),
        ("%5%", ()), ("%-5d|", (-3,)), ("%+.2e", (0.0,)), ("%.2f", (-0.0,)), ("% .3f", (2.0,)), ("%0+8.2f", (-3.14159,)),
        ("%#.3x", (5,)), ("%.3d", (5,)), ("%.3d", (-5,)), ("%08.3d", (5,)), ("%-08d|", (5,)), ("%s", ()),
        ("no args", ()), ("no args", ("x",)), ("%s", ((1, 2),)), ("%d%%", (50,)), ("%.1f%%", (12.345,)),
        ("%ld %lf %hd", (1, 2.0, 3)), ("%10.3e", (1234.5,)), ("%g", (100000.0,)), ("%g", (1000000.0,)),
        ("%.0e", (5.5,)), ("%#o %#x", (0, 0)), ("%s", (1e16,)), ("%r", (0.1,)), ("%s", (2**100,)),
    ]
    for fmt, args in fmts:
        if isinstance(args, tuple):
            enc = ["tuple"] + [V(a) for a in args]
        elif isinstance(args, dict):
            enc = ["dict"] + [k + "=" + V(v) for k, v in args.items()]
        else:
            enc = ["single", V(args)]
        cases.append(["percent", fmt, enc, answer(lambda: fmt % args)])
    for _ in range(1500):
        flags = "".join(rng.sample("-+ #0", rng.randint(0, 2)))
        width = rng.choice(["", "", str(rng.randint(1, 12))])
        prec = rng.choice(["", "", "." + str(rng.randint(0, 8))])
        conv = rng.choice("dioxXeEfFgGsr")
        v = rng.choice([rng.randint(-10**6, 10**6), random_double(rng), rng.choice(["ab", "", "xyz"]), 2**65 + 3])
        fmt = "<%" + flags + width + prec + conv + ">"
        cases.append(["percent", fmt, ["tuple", V(v)], answer(lambda: fmt % (v,))])
    return cases


# MARK: str.format

FORMAT_ARGS = (42, 3.14159, "abc", [1, 2, [3, 4]], {"k": "v", "n": 5}, -7, "é\n")
FORMAT_KWARGS = {"name": "Ann", "x": 2.5, "w": 10, "p": 3, "d": {"a": 1, "0": "zero"}, "l": [10, 20], "s": "it's"}
TEMPLATES = [
    "", "plain", "{}", "{} {}", "{0} {0} {1}", "{name}", "{name!r}", "{name!s:>6}", "{6!a}", "{6!r}", "{2!r:^9}",
    "{{}}", "{{{0}}}", "{{0}}", "}}", "{{", "}", "{", "a } b", "a { b", "{0", "{0!", "{0!r", "{0!r:", "{0!rx}",
    "{0!x}", "{0!\x01}", "{!r}", "{:}", "{0:}", "{0:>5}", "{1:.2f}", "{1:{w}.{p}f}", "{:{}}", "{:{}.{}f}",
    "{0:{1}}", "{:{:{}}}", "{0:{1:{2}}}", "{0:{{}}}", "{1:*^{w}.{p}}", "{3[0]}", "{3[2][1]}", "{4[k]}", "{4[n]:03d}",
    "{d[a]}", "{d[0]}", "{l[1]}", "{3[}", "{3[0}", "{3[0]x}", "{3[]}", "{0.}", "{0.real}", "{1.imag}", "{0[0}",
    "{0}{}", "{}{0}", "{7}", "{missing}", "{99999999999999999999}", "{0:{missing}}", "{:d}", "{1:d}", "{2:d}",
    "{0:,}", "{0:_x}", "{0:c}", "{0:%}", "{1:%}", "{x:e}", "{s!r}", "{s!a}", "{name:{w}}", "{name:{w}s}",
    "{0:{3}}", "{3:>10}", "{3}", "{4}", "{4!r}", "{a.b}", "{0[a]}", "{0]}", "{0:}}", "{0:{{}}", "{0:x}}}",
    "{:<{}}|", "{:^{}}|", "{0:{1}{2}}", "{!}", "{!:}", "{:!}", "{0!s!r}", "{0::}", "{0: }", "{{{}}}", "{{}}}",
    "x{0}y{1:.1f}z{name}", "{name[0]}", "{name[0]!r}", "{-1}", "{+1}", "{0 }", "{ 0}",
    "{\u0661}", "{1:.{p}}", "{0:{w}d}", "{0:{p}{w}}", "{5:+d}", "{5:=+5}",
]


def record_str_format():
    cases = []
    for t in TEMPLATES:
        def run():
            return t.format(*FORMAT_ARGS, **FORMAT_KWARGS)
        cases.append(["format", t, answer(run)])
    return cases


# MARK: str methods

def record_strings(rng):
    cases = []
    samples = ["", " ", "a", "abc", "Hello, World", "  padded  ", "\t tab\n", "a\tb\tc", "line1\nline2\r\nline3\rline4",
               "x\x0by\x0cz\x1cw\x1dv\x1eu\x85t\u2028s\u2029r", "it's", 'say "hi"', "both ' and \"", "back\\slash",
               "\x00\x07\x1b\x7f\x80\x9f\xa0\xad", "é", "naïve café", "日本語", "emoji 😀", "\u200b\u2060\ufeff",
               "\ud7ff\ue000\uf8ff\ufffe\U0001F600\U000E0001\U0010FFFF", "ǆ ǅ ǄUNG", "ß straße", "ΣΑΣ ΟΔΟΣ Σ", "İstanbul",
               "ﬁne ﬂow", "hello world foo", "HELLO", "hello", "Hello World", "hello World", "123", "١٢٣", "½", "²",
               "Ⅻ", "一二三", "abc123", "a b", "x_y", "_x", "1x", "class", "été", "\u1680a\u2000b\u3000c\u00a0d",
               "\x1c\x1d\x1e\x1f", "a\u0301", "they're bill's friends", "o'NEIL mcDONALD", "ⓐⓑ", "ǈ", "ᾈ", "ﬃ",
               "\u0345", "ΌΣΟΣ", "aΣ", "aΣb", "Σ", "a\u0301Σ", "\u0130", "ʼn"]
    # Random text, kept to code points whose properties Unicode 15.0 (CPython 3.12) and Swift's
    # newer tables agree on: no unassigned ones, and none of the few whose properties changed.
    changed = {0x19B, 0x295, 0x200C, 0x200D}

    def known(c):
        return unicodedata.category(chr(c)) != "Cn" and c not in changed

    for _ in range(200):
        samples.append("".join(chr(rng.choice([rng.randint(0x20, 0x7e), rng.randint(0xa0, 0x24f), rng.randint(0x370, 0x3ff),
                                                rng.randint(0, 0x20), rng.randint(0x2000, 0x206f), rng.randint(0x1d400, 0x1d7ff),
                                                rng.randint(0x10000, 0x10ffff), rng.randint(0xe000, 0xf8ff), 0x20, 0x20]))
                               for _ in range(rng.randint(0, 12))))
        samples[-1] = "".join(ch for ch in samples[-1] if known(ord(ch)))
    for s in samples:
        cases.append(["repr", s, repr(s)])
        cases.append(["split", s, s.split()])
        cases.append(["split1", s, s.split(None, 1)])
        cases.append(["rsplit1", s, s.rsplit(None, 1)])
        cases.append(["splitsep", s, s.split(" ")])
        cases.append(["splitsep2", s, s.split("l", 1)])
        cases.append(["splitlines", s, s.splitlines()])
        cases.append(["splitlineskeep", s, s.splitlines(True)])
        cases.append(["strip", s, s.strip()])
        cases.append(["lstrip", s, s.lstrip()])
        cases.append(["rstrip", s, s.rstrip()])
        cases.append(["stripchars", s, s.strip("a \t")])
        cases.append(["title", s, s.title()])
        cases.append(["capitalize", s, s.capitalize()])
        cases.append(["upper", s, s.upper()])
        cases.append(["lower", s, s.lower()])
        cases.append(["swapcase", s, s.swapcase()])
        for w in [0, 5, 10, 11]:
            cases.append(["center", s, str(w), s.center(w)])
            cases.append(["center*", s, str(w), s.center(w, "*")])
            cases.append(["ljust", s, str(w), s.ljust(w, "-")])
            cases.append(["rjust", s, str(w), s.rjust(w)])
            cases.append(["zfill", s, str(w), s.zfill(w)])
        for t in [8, 4, 1, 0, -1]:
            cases.append(["expandtabs", s, str(t), s.expandtabs(t)])
        for m in ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "islower", "isupper",
                  "istitle", "isprintable", "isascii", "isidentifier"]:
            cases.append([m, s, getattr(s, m)()])
    # Searching, counting and replacing, with start and end past either end.
    hay = ["", "a", "abc", "abcabc", "aaaa", "banana", "éé日本日本", "a\u0301a\u0301"]
    needles = ["", "a", "b", "ab", "bc", "aa", "ana", "日本", "\u0301", "x", "abcabcabc"]
    bounds = [(None, None), (1, None), (-2, None), (None, -1), (2, 4), (5, 2), (10, None), (-10, 3), (3, 3), (0, 100)]
    for h in hay:
        for n in needles:
            for b0, b1 in bounds:
                args = [str(b0), str(b1)]
                cases.append(["find", h, n] + args + [str(h.find(n, b0, b1))])
                cases.append(["rfind", h, n] + args + [str(h.rfind(n, b0, b1))])
                cases.append(["count", h, n] + args + [str(h.count(n, b0, b1))])
                cases.append(["startswith", h, n] + args + [str(h.startswith(n, b0, b1))])
                cases.append(["endswith", h, n] + args + [str(h.endswith(n, b0, b1))])
                cases.append(["index", h, n] + args + [answer(lambda: str(h.index(n, b0, b1)))])
            for k in [-1, 0, 1, 2]:
                cases.append(["replace", h, n, "<>", str(k), h.replace(n, "<>", k)])
            cases.append(["partition", h, n, answer(lambda: "|".join(h.partition(n)))])
            cases.append(["rpartition", h, n, answer(lambda: "|".join(h.rpartition(n)))])
    for b in [b"", b"abc", b"it's", b'say "hi"', b"both ' and \"", b"\\", bytes(range(256))] + [
            bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 20))) for _ in range(100)]:
        cases.append(["bytesrepr", b.hex(), repr(b)])
    for s in ["-42", "+42", "42", "-", "", "+", "--1"]:
        cases.append(["zfill", s, "5", s.zfill(5)])
    cases.append(["splitsep", "a,,b,", ",", "a,,b,".split(",")])
    # Every code point of the BMP and beyond, in blocks: the character classes and repr.
    classes = []
    for start in list(range(0, 0x30000, 0x100)) + [0xE0000, 0xE0100, 0xF0000, 0x10FF00]:
        block = "".join(chr(c) for c in range(start, start + 0x100) if not 0xD800 <= c < 0xE000)
        flags = []
        for ch in block:
            bits = 0
            for i, m in enumerate(["isdigit", "isdecimal", "isnumeric", "isalpha", "isspace", "islower", "isupper",
                                   "istitle", "isprintable", "isidentifier"]):  # 10 bits: flags as numbers
                if getattr(ch, m)():
                    bits |= 1 << i
            if unicodedata.category(ch) == "Cn":
                bits |= 1 << 10  # unassigned in this Python's Unicode database
            flags.append(bits)
        cased = [[ord(ch), ch.upper(), ch.lower(), ch.title()] for ch in block
                 if (ch.upper(), ch.lower(), ch.title()) != (ch, ch, ch)]
        classes.append(["classes", str(start), flags, cased])
    return cases, classes


# MARK: slices

def record_slices(rng):
    cases = []
    picks = [None, 0, 1, 2, 3, -1, -2, -3, 5, 10, -10, 2**63 - 1, -2**63]
    for n in [0, 1, 2, 5, 10]:
        for a in picks:
            for b in picks:
                for c in [None, 1, 2, 3, -1, -2, -3, 0, 2**63 - 1, -2**63 + 1]:
                    def run():
                        sl = slice(a, b, c)
                        return " ".join(map(str, sl.indices(n))) + " " + ",".join(map(str, list(range(n))[sl]))
                    cases.append(["slice", str(a), str(b), str(c), str(n), answer(run)])
    return cases


# MARK: versioned

RANDOM_SEEDS = [0, 1, 42, -42, 7, 2**32, 2**64 + 5, 10**30, 12345, 1.5, -0.25, True]
RANDOM_SCRIPTS = {
    "random": lambda r: " ".join(F(r.random()) for _ in range(5)),
    "getrandbits": lambda r: " ".join(H(r.getrandbits(k)) for k in [0, 1, 31, 32, 33, 64, 100, 1000]),
    "dice": lambda r: " ".join(str(r.randint(1, 6)) for _ in range(20)),
    "randrange": lambda r: " ".join(H(v) for v in [r.randrange(10), r.randrange(0, 100, 7), r.randrange(10**20),
                                                    r.randrange(50, 10, -3), r.randrange(-5, 5), r.randrange(2**40)]),
    "choice": lambda r: str([r.choice("abcdefg") for _ in range(10)]),
    "shuffle": lambda r: str([(x := list(range(10)), r.shuffle(x), x)[2] for _ in range(3)]),
    "sample": lambda r: str([r.sample(range(100), 10), r.sample(range(10), 10), r.sample(range(10**6), 30),
                             r.sample(range(5), 0), r.sample(range(40), 7)]),
    "uniform": lambda r: " ".join(F(r.uniform(1.5, 7.25)) for _ in range(5)),
    "choices": lambda r: str(r.choices(range(5), k=8)),
    "weighted": lambda r: str([r.choices(range(4), [1, 2, 3, 4], k=6), r.choices(range(3), [0.5, 0.0, 2.25], k=6),
                               r.choices(range(3), cum_weights=[1, 1, 5], k=6), r.choices(range(1), [3], k=2)]),
    "noweight": lambda r: str(r.choices(range(2), [0, 0], k=1)),
    "empty": lambda r: str(r.randrange(5, 5)),
    "emptystep": lambda r: str(r.randrange(5, 1, 2)),
    "randint31": lambda r: str(r.randint(3, 1)),
    "zerostep": lambda r: str(r.randrange(1, 5, 0)),
    "negbits": lambda r: str(r.getrandbits(-1)),
    "bigsample": lambda r: str(r.sample(range(3), 4)),
    "below0": lambda r: str(r.randrange(0)),
}


def sum_inputs():
    rng = random.Random(1212)
    lists = [[0.1] * 10, [1e100, 1.0, -1e100], [math.inf, 1.0], [-0.0], [1, 0.5, 2**70, 0.1], [1e308, 1e308, -1e308],
             [0.1, 0.2, 0.3], [1, 2, 3], [1, 2, 0.5], [2**63, 0.5], [0.5, 2**63, 0.25], [math.nan, 1.0], [],
             [1e16, 1.0, -1e16], [0.1, 1, 0.2, 2, 0.3], [-math.inf, math.inf]]
    for _ in range(150):
        k = rng.randint(1, 30)
        lists.append([rng.choice([random_double(rng), rng.uniform(0, 1), rng.randint(-5, 5), round(rng.uniform(0, 10), 2)])
                      for _ in range(k)])
    return lists


def enc_values(values):
    return " ".join(("f:" + F(v)) if isinstance(v, float) else ("i:" + H(v)) for v in values)


def versioned_cases():
    cases = []
    for values in sum_inputs():
        cases.append(["sum", enc_values(values), "0", answer(lambda: F(sum(values)) if isinstance(sum(values), float) else H(sum(values)))])
        cases.append(["sum", enc_values(values), "f:" + F(-0.0), answer(lambda: F(sum(values, -0.0)))])
    import random as _random
    for seed in RANDOM_SEEDS:
        for name, script in RANDOM_SCRIPTS.items():
            def run():
                r = _random.Random(seed)
                return script(r)
            enc = ("f:" + F(seed)) if isinstance(seed, float) else "i:" + H(int(seed))
            cases.append(["random", enc, name, answer(run)])
    cases.append(["intstr", H(10**5000), answer(lambda: str(10**5000))])
    cases.append(["parse", "1" * 5000, "10", answer(lambda: H(int("1" * 5000)))])
    cases.append(["mod", H(1), H(0), answer(lambda: 1 % 0)])
    cases.append(["floordiv", H(1), H(0), answer(lambda: 1 // 0)])
    cases.append(["truediv", H(1), H(0), answer(lambda: 1 / 0)])
    for op, f in [("fmod", lambda: 1.0 % 0.0), ("ffloordiv", lambda: 1.0 // 0.0), ("fdivmod", lambda: divmod(1.0, 0.0)),
                  ("fdiv", lambda: 1.0 / 0.0)]:
        cases.append([op, answer(f)])
    for spec in ["<<<3", "1,000", ",_", "zz", "z<5", "+z#010.2f", " z.1f"]:
        for v in [1, 1.5, "a"]:
            kind = "int" if isinstance(v, int) else "float" if isinstance(v, float) else "str"
            enc = H(v) if kind == "int" else F(v) if kind == "float" else v
            cases.append([kind, enc, spec, answer(lambda: format(v, spec))])
    for spec in ["z", "z.1f", "zd", "z,.2f", "+z.0f", "z.0e", "z.1%", "zg", "z5", "zs", "z=", "zx"]:
        for v in [-0.0, -0.0001, 0.0, 1.5, -1.5, 0, -1, True, "a"]:
            kind = "bool" if isinstance(v, bool) else "int" if isinstance(v, int) else "float" if isinstance(v, float) else "str"
            enc = str(v) if kind == "bool" else H(v) if kind == "int" else F(v) if kind == "float" else v
            cases.append([kind, enc, spec, answer(lambda: format(v, spec))])
    return cases


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--versioned":
        json.dump(versioned_cases(), sys.stdout)
        return
    assert sys.version.startswith("3.12.1"), "record with 3.12.1: PYENV_VERSION=3.12.1 python " + sys.argv[0]
    rng = random.Random(11)
    files = {
        "ints.json": record_ints(rng),
        "floats.json": record_float_repr(rng),
        "formats.json": record_format(rng),
        "percent.json": record_percent(rng),
    }
    files["strformat.json"] = record_str_format()
    files["slices.json"] = record_slices(rng)
    strings, classes = record_strings(rng)
    files["strings.json"] = strings
    files["unicode.json"] = classes
    versioned = {}
    for release in RELEASES:
        prefix = subprocess.run(["pyenv", "prefix", release], capture_output=True, text=True, check=True).stdout.strip()
        out = subprocess.run([prefix + "/bin/python", __file__, "--versioned"], capture_output=True, text=True, check=True)
        versioned[release] = json.loads(out.stdout)
    files["versioned.json"] = versioned
    for name, data in files.items():
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            json.dump({"python": sys.version.split()[0], "cases": data} if name != "versioned.json" else data, f,
                      ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
        print(name, len(data) if isinstance(data, list) else {k: len(v) for k, v in data.items()})


if __name__ == "__main__":
    main()
