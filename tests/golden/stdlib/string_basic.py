import string
from string import Template, Formatter

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords('hello   wORLD  again'), string.capwords('a-b-c', '-'))
t = Template('$who likes $what; $$5 ${who}s')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'ann', 'what': 'tea'}))
print(t.safe_substitute(who='bob'), t.get_identifiers(), t.is_valid())
for bad in [lambda: t.substitute(who='x'), lambda: Template('x $ y').substitute(), lambda: Template('$1').substitute(),
            lambda: Template('ok\n  ${bad').substitute()]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(Template('$a$b').substitute(a=1, b=[2]), Template('x $ y').safe_substitute(), Template('$$').substitute())

class AtTemplate(Template):
    delimiter = '@'
print(AtTemplate('@name is @@home').substitute(name='Al'))

f = Formatter()
print(f.format('{0} {1!r} {x:>5} {y[1]} {z.real}', 'a', 'b', x='c', y=[1, 2], z=3j))
print(f.format('{} and {}', 1, 2), f.format('{:{w}.{p}f}', 3.14159, w=10, p=2), f.format('{{literal}} {0}', 'x'))
print(list(f.parse('a{0}b{1:>3}c{x!r}{{d}}')))
try:
    f.format('{0} {}', 1, 2)
except ValueError as e:
    print('ValueError', e)

class Upper(Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
print(Upper().format('{} - {:x}', 'abc', 255))
