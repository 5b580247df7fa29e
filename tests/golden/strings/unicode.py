# Code points (astral characters, surrogates), repr escapes, and encoding/decoding.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

s = 'a\U0001F600b\u00e9\U00010348'
print(len(s), s[1], s[-1], s[1:3], s[::-1], list(s), s.find('b'), s.index('\u00e9'), s.count('\U0001F600'))
print(repr(s), ascii(s), s.upper(), s.encode('utf-8'), s.encode('utf-16-le'), s.encode('utf-32-be')[:8])
print([ord(c) for c in s], chr(0x1F600), chr(233), ord('\U0010FFFF'), '\U0001F600' < '\uFFFF', '\uFFFF' < '\U00010000')
for t in ['\x00\x07\x1f\x7f', '\t\n\r', "'", '"', '\'"', '\\', '\x80\xa0\xad\xff', '\u0300\u200b\u2028\ufeff', '\ud800', '\U000E0001',
          'é€𝄞', '\u00a0', 'ab\x85c']:
    print(repr(t), ascii(t), len(t))
print(s.center(9, '*'), s.rjust(7, '\U0001F600'), f'{s:>8}|', f'{s:.2}|', '%.3s|' % s, s.split('b'), s.partition('b'))
for enc in ['utf-8', 'utf-16', 'utf-16-be', 'utf-32', 'latin-1', 'ascii']:
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace']:
        show('%s/%s' % (enc, errors), lambda: 'héllo\U0001F600'.encode(enc, errors))
show("'\\udcff'.encode('utf-8', 'surrogateescape')", lambda: '\udcff'.encode('utf-8', 'surrogateescape'))
show("'a\\ud800'.encode()", lambda: 'a\ud800'.encode())
show("'\\ud800'.encode('utf-8', 'surrogatepass')", lambda: '\ud800'.encode('utf-8', 'surrogatepass'))
show("'é'.encode('ascii', 'namereplace')", lambda: 'é'.encode('ascii', 'namereplace'))
show("'x'.encode('nope')", lambda: 'x'.encode('nope'))
show("'é'.encode('ascii', 'bogus')", lambda: 'é'.encode('ascii', 'bogus'))
for data in [b'caf\xc3\xa9', b'\xe9abc', b'\xe2\x82', b'\xe2\x82a', b'\xed\xa0\x80', b'\xc0\x80', b'\xf0\x9f\x98\x80',
             b'\xf4\x90\x80\x80', b'a\xffb\xfe']:
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape']:
        show('%r/%s' % (data, errors), lambda: data.decode('utf-8', errors))
for data, enc in [(b'\xff\xfea\x00', 'utf-16'), (b'\xfe\xff\x00a', 'utf-16'), (b'a\x00b', 'utf-16'), (b'a\x00\x00\x00', 'utf-32'),
                  (b'\xe9', 'latin-1'), (b'\xe9', 'ascii'), (b'\x80', 'cp1252'), (b'abc', 'UTF8'), (b'abc', 'nope')]:
    show('%r/%s' % (data, enc), lambda: data.decode(enc))
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
try:
    b'\xff'.decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'caf\xe9', 'utf-8', 'replace'), str(bytearray(b'ab'), 'ascii'))
print('Straße'.casefold() == 'STRASSE'.casefold(), 'ﬁ'.upper(), 'ǅ'.lower(), 'ǅ'.upper(), 'ǆ'.title(), 'ΣΑΣ ΟΣ'.lower())
print('Ⅷ'.isnumeric(), 'Ⅷ'.isdigit(), '𝟘'.isdecimal(), 'ⅷ'.isalpha(), '\U0001F600'.isprintable(), '\u200b'.isprintable())
print(int('١٢٣'), float('١٫٥' if False else '١.٥'), int('\uff11\uff12'), 'x'.join('\U0001F600\U0001F601'))
