a = 'single'
b = "double"
c = '''triple
single'''
d = """triple
double"""
e = r'raw\n\d'
f = b'bytes\x00\xff'
g = rb'raw bytes\n'
h = Br"RAW"
i = u'unicode'
j = 'implicit' "concatenation" '''here'''
k = 'escapes: \n \t \\ \' \" \a \b \f \v \0 \x41 \101 \u00e9 \U0001F600 \N{BULLET}'
l = 'it\'s'
m = "say \"hi\""
n = 'mixed "quotes" and \'apostrophes\''
o = 'line \
continued'
p = 'unicode: é ü 中文 😀'
q = '\x7f\x80\xa0\xad'
r = 'tab\there'
s = b'a' b'b'
t = ''
u = R'\\'
