a = 'a' 'b' 'c'
b = ("multi"
     "line")
c = """He said "hi" and 'bye'"""
d = '\''
e = "\""
f = '"'
g = "'"
h = 'both \' and "'
i = '\x00\x01\x1f'
j = '\u2028\u2029\u200b\ufeff'
k = 'éüñ\u00a0\u3000'
l = b'\x80\xff' b"'"
m = b'"'
n = b'both \' and "'
o = '\U0001F600\U000E0001'
p = '\N{LATIN SMALL LETTER E WITH ACUTE}'
q = '\d\w\s'
r = u'a' 'b'
s = 'a' u'b'
t = '''a\
b'''
u = r'\n' '\n'
v = '\777'
w = ''' '' '''
x = """ " """
