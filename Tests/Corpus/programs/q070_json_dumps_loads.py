import json
class P: pass
cases_dump = [
  ([1, 2.5, None, True, False, "a\"b\\c\n\t\x01é€😀", {"k": [1, {"z": 2}]}, (1, 2), [], {}], {}),
  ({"b": 1, "a": [1, 2, {"c": None}], "d": {}}, {"indent": 2, "sort_keys": True}),
  ({"b": 1, "a": [1, 2, [], {"c": None}]}, {"indent": "\t"}),
  ({"b": 1, "a": [1, 2]}, {"separators": (",", ":")}),
  ({1: "x", 2.5: "y", True: "t", None: "n"}, {}),
  (["é😀"], {"ensure_ascii": False}),
  ([float("inf"), float("nan"), -0.0, 1e100, 1/3], {}),
  ({"x": [1, 2]}, {"indent": 0}),
  ([{"a": 1}], {"indent": 4, "separators": (", ", ": ")}),
  (P(), {"default": lambda o: {"p": 1}}),
  ({"s": {1, 2} and [1, 2]}, {}),
  (3, {}), ("x", {}), (None, {}),
]
for obj, kw in cases_dump:
    print(repr(json.dumps(obj, **kw)))
for bad, kw in [(float("nan"), {"allow_nan": False}), ({(1,): 2}, {}), (object(), {}), ({"a": P()}, {})]:
    try: json.dumps(bad, **kw); a = None
    except Exception as e: a = (type(e).__name__, str(e))
    print(a)
docs = ['{"a": [1, 2.5, null, true, false, "x\\u00e9\\ud83d\\ude00\\n"], "b": {}}', ' [ 1 , -0 , -1.5e3, 2E-2 , 10 ] ',
        '{"a" 1}', '[1,]', '{"a":1,}', '', '[', '{"a":', '"abc', '"a\\x"', '"\\u12"', '[1 2]', '{"a":1 "b":2}', '{a:1}',
        '1 2', 'nul', '[NaN, Infinity, -Infinity]', '"ctl\x01"', '{"a":1}x', '  ', '[-]', '01', '1.', '1e', '[true,false,null]',
        '{"a":{"b":{"c":[]}}}', '"\\/\\b\\f\\r\\t"', '-', '[1,\n 2,\n ]', '{\n"a": 1,\n}']
for d in docs:
    try: a = repr(json.loads(d))
    except Exception as e: a = (type(e).__name__, str(e))
    print(a)
