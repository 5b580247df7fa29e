import statistics as st
from fractions import Fraction
import textwrap

data = [2.5, 3.25, 5.5, 1.75, 4.0]
print(st.mean([1, 2, 3, 4]), st.mean([1, 2, 3]), st.mean(data), st.mean([Fraction(1, 3), Fraction(2, 3)]), st.fmean([1, 2, 3, 4]))
print(st.median([3, 1, 2]), st.median([4, 1, 3, 2]), st.median_low([4, 1, 3, 2]), st.median_high([4, 1, 3, 2]))
print(st.mode([1, 2, 2, 3, 3]), st.mode('abracadabra'), st.multimode('aabbc'), st.multimode([]))
print(st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]), round(st.stdev([1, 2, 3, 4]), 12), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.variance([Fraction(1, 2), Fraction(3, 2), Fraction(5, 2)]), st.variance(data), round(st.stdev(data), 12))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles(range(1, 11), n=10, method='inclusive'))
print(round(st.geometric_mean([54, 24, 36]), 9), st.harmonic_mean([40, 60]), st.correlation([1, 2, 3], [2, 4, 7]) > 0.99)
print(st.linear_regression([1, 2, 3, 4], [2, 4, 6, 8]), round(st.covariance([1, 2, 3], [3, 2, 1]), 9))
for bad in [lambda: st.mean([]), lambda: st.variance([1]), lambda: st.median([]), lambda: st.mode([])]:
    try:
        bad()
    except st.StatisticsError as e:
        print('StatisticsError', e)
nd = st.NormalDist(100, 15)
print(nd, round(nd.cdf(130), 9), round(nd.inv_cdf(0.975), 6), nd.mean, nd.variance, round(nd.pdf(100), 12))

f = Fraction(3, 4)
print(f, repr(f), Fraction('1.5'), Fraction('-3/6'), Fraction(0.125), Fraction(2, 6) + Fraction(1, 6), f * 2, f / 3, f ** 2, -f)
print(float(f), int(Fraction(7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)), Fraction(1, 3) < 0.5, f == 0.75, hash(Fraction(1, 2)) == hash(0.5))
print(Fraction(3.141592653589793).limit_denominator(1000), Fraction(10, 4).as_integer_ratio(), f.numerator, f.denominator, f + 1, 1 - f)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)

text = ("The quick brown fox jumps over the lazy dog. " * 4).strip()
print(textwrap.fill(text, width=30))
print(textwrap.wrap(text, 25)[:3])
print(textwrap.shorten(text, width=40), '|', textwrap.shorten('Hello  world!', width=12))
print(repr(textwrap.dedent('''
    def f():
        return 1
''')))
print(textwrap.indent('a\nb\n\nc', '> '), end='|\n')
print(textwrap.fill('a-very-long-hyphenated-word-here and more', width=10))
w = textwrap.TextWrapper(width=20, initial_indent='* ', subsequent_indent='  ')
print(w.fill(text[:60]))
