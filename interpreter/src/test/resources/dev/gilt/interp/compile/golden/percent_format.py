def r(self, k, v):
    a = '%s.%s(%s)' % (self.m, self.n, ', '.join(v))
    b = '%r=%5s|%-3.2a' % (k, v, a)
    c = '%d' % (k,)
    d = '100%% %s' % (k,)
    return a, b, c, d
