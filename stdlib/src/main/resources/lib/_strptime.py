"""strptime for time and datetime (Gilt), C/POSIX locale.

The format is matched directive by directive with backtracking; each directive accepts the same
texts, in the same order of preference, as CPython's regular expressions for it, so the same
inputs parse and fail with the same messages ("time data ... does not match format ...",
"unconverted data remains: ...").
"""

import time as _time

__all__ = []

_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
_DAYS_ABBR = [d[:3] for d in _DAYS]
_MONTHS = ['', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
           'september', 'october', 'november', 'december']
_MONTHS_ABBR = [''] + [m[:3] for m in _MONTHS[1:]]

_EXPANSIONS = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S',
               'D': '%m/%d/%y', 'T': '%H:%M:%S', 'R': '%H:%M', 'F': '%Y-%m-%d', 'r': '%I:%M:%S %p',
               'h': '%b'}


def _numeric(lo, hi, maxw, minw=1, space_pad=False):
    """Candidates (longest first) of a numeric field: digit strings of width maxw..minw whose
    value lies in [lo, hi]."""
    def cands(s, i):
        out = []
        for w in range(maxw, minw - 1, -1):
            t = s[i:i + w]
            if len(t) != w:
                continue
            if space_pad and w == 2 and t[0] == ' ' and t[1].isdigit() and t[1] != '0':
                out.append((t, int(t[1])))
                continue
            if t.isdigit() and t.isascii() and lo <= int(t) <= hi:
                out.append((t, int(t)))
        return out
    return cands


def _exact_digits(n):
    def cands(s, i):
        t = s[i:i + n]
        if len(t) == n and t.isdigit() and t.isascii():
            return [(t, int(t))]
        return []
    return cands


def _names(names):
    order = sorted(((n, idx) for idx, n in enumerate(names) if n), key=lambda p: -len(p[0]))

    def cands(s, i):
        out = []
        low = s[i:i + 9].lower()
        for name, idx in order:
            if low.startswith(name):
                out.append((s[i:i + len(name)], idx))
        return out
    return cands


def _fraction(s, i):
    out = []
    for w in range(6, 0, -1):
        t = s[i:i + w]
        if len(t) == w and t.isdigit() and t.isascii():
            out.append((t, t))
    return out


def _ampm(s, i):
    t = s[i:i + 2].lower()
    if t in ('am', 'pm'):
        return [(s[i:i + 2], t)]
    return []


def _tzname_cands(s, i):
    names = {'utc', 'gmt'}
    for n in _time.tzname:
        names.add(n.lower())
    out = []
    for n in sorted(names, key=lambda x: -len(x)):
        if n and s[i:i + len(n)].lower() == n:
            out.append((s[i:i + len(n)], s[i:i + len(n)]))
    return out


def _offset(s, i):
    """[+-]HH[:]MM[[:]SS[.ffffff]] or Z"""
    if s[i:i + 1] == 'Z':
        return [('Z', 'Z')]
    if s[i:i + 1] not in ('+', '-'):
        return []
    j = i + 1
    if not (s[j:j + 2].isdigit() and len(s[j:j + 2]) == 2):
        return []
    j += 2
    colon = s[j:j + 1] == ':'
    if colon:
        j += 1
    mm = s[j:j + 2]
    if not (len(mm) == 2 and mm.isdigit() and mm[0] in '012345'):
        return []
    j += 2
    out = [(s[i:j], s[i:j])]
    k = j
    if s[k:k + 1] == ':':
        k += 1
    ss = s[k:k + 2]
    if len(ss) == 2 and ss.isdigit() and ss[0] in '012345':
        k += 2
        m = k
        if s[m:m + 1] == '.' and s[m + 1:m + 2].isdigit():
            m += 1
            n = 0
            while n < 6 and s[m:m + 1].isdigit():
                m += 1
                n += 1
            out.insert(0, (s[i:m], s[i:m]))
            out.insert(1, (s[i:k], s[i:k]))
        else:
            out.insert(0, (s[i:k], s[i:k]))
    return out


_DIRECTIVES = {
    'd': _numeric(1, 31, 2, space_pad=True),
    'e': _numeric(1, 31, 2, space_pad=True),
    'f': _fraction,
    'H': _numeric(0, 23, 2),
    'I': _numeric(1, 12, 2),
    'G': _exact_digits(4),
    'j': _numeric(1, 366, 3),
    'm': _numeric(1, 12, 2),
    'M': _numeric(0, 59, 2),
    'S': _numeric(0, 61, 2),
    'U': _numeric(0, 53, 2),
    'W': _numeric(0, 53, 2),
    'V': _numeric(1, 53, 2),
    'w': _numeric(0, 6, 1),
    'u': _numeric(1, 7, 1),
    'y': _exact_digits(2),
    'Y': _exact_digits(4),
    'a': _names(_DAYS_ABBR),
    'A': _names(_DAYS),
    'b': _names(_MONTHS_ABBR),
    'B': _names(_MONTHS),
    'p': _ampm,
    'z': _offset,
    'Z': _tzname_cands,
}


def _compile(format):
    """The format as a list of items: ('lit', char), ('ws',), ('dir', letter)."""
    items = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c == '%':
            if i + 1 >= n:
                raise ValueError("stray %% in format '%s'" % format)
            d = format[i + 1]
            if d == '%':
                items.append(('lit', '%'))
            elif d in _EXPANSIONS:
                items.extend(_compile(_EXPANSIONS[d]))
            elif d in _DIRECTIVES:
                items.append(('dir', d))
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, '%' + d))
            i += 2
        elif c.isspace():
            while i < n and format[i].isspace():
                i += 1
            items.append(('ws',))
        else:
            items.append(('lit', c))
            i += 1
    return items


def _match(items, k, s, i, found):
    """Backtracking match of items[k:] against s[i:]; returns the end index or -1."""
    if k == len(items):
        return i
    item = items[k]
    kind = item[0]
    if kind == 'lit':
        if i < len(s) and (s[i] == item[1] or s[i].lower() == item[1].lower()):
            return _match(items, k + 1, s, i + 1, found)
        return -1
    if kind == 'ws':
        j = i
        while j < len(s) and s[j].isspace():
            j += 1
        while j > i:
            r = _match(items, k + 1, s, j, found)
            if r >= 0:
                return r
            j -= 1
        return -1
    d = item[1]
    for text, value in _DIRECTIVES[d](s, i):
        had = d in found
        old = found.get(d)
        found[d] = value
        r = _match(items, k + 1, s, i + len(text), found)
        if r >= 0:
            return r
        if had:
            found[d] = old
        else:
            del found[d]
    return -1


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_before_month(y, m):
    days = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    total = sum(days[1:m])
    if m > 2 and _is_leap(y):
        total += 1
    return total


def _weekday(y, m, d):
    """Monday = 0, proleptic Gregorian."""
    y1 = y - 1
    ordinal = y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400 + _days_before_month(y, m) + d
    return (ordinal + 6) % 7


def _calc_julian_from_U_or_W(year, week_of_year, day_of_week, week_starts_Mon):
    first_weekday = _weekday(year, 1, 1)
    if not week_starts_Mon:
        first_weekday = (first_weekday + 1) % 7
        day_of_week = (day_of_week + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week_of_year == 0:
        return 1 + day_of_week - first_weekday
    days_to_week = week_0_length + (7 * (week_of_year - 1))
    return 1 + days_to_week + day_of_week


def _calc_julian_from_V(iso_year, iso_week, iso_weekday):
    correction = _weekday(iso_year, 1, 4) + 1 + 3
    ordinal = (iso_week * 7) + iso_weekday - correction
    if ordinal < 1:
        ordinal += 366 if _is_leap(iso_year - 1) else 365
        iso_year -= 1
    return iso_year, ordinal


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a 2-tuple consisting of a time struct and an int containing the number of
    microseconds based on the input string and the format string."""
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            msg = "strptime() argument {} must be str, not {}"
            raise TypeError(msg.format(index, type(arg)))
    try:
        items = _compile(format)
    except ValueError as err:
        msg = str(err)
        if 'bad directive' in msg:
            bad = msg.split("'")[1]
            raise ValueError("'%s' is a bad directive in format '%s'" % (bad, format)) from None
        raise
    found = {}
    end = _match(items, 0, data_string, 0, found)
    if end < 0:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if end != len(data_string):
        raise ValueError("unconverted data remains: %s" % data_string[end:])

    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    week_of_year_start = None
    weekday = julian = None
    for group_key, value in found.items():
        if group_key == 'y':
            year = value
            if year <= 68:
                year += 2000
            else:
                year += 1900
        elif group_key == 'Y':
            year = value
        elif group_key == 'G':
            iso_year = value
        elif group_key == 'm':
            month = value
        elif group_key == 'B':
            month = value
        elif group_key == 'b':
            month = value
        elif group_key in ('d', 'e'):
            day = value
        elif group_key == 'H':
            hour = value
        elif group_key == 'I':
            hour = value
            ampm = found.get('p', '')
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm':
                if hour != 12:
                    hour += 12
        elif group_key == 'M':
            minute = value
        elif group_key == 'S':
            second = value
        elif group_key == 'f':
            s = value
            s += "0" * (6 - len(s))
            fraction = int(s)
        elif group_key == 'A':
            weekday = value
        elif group_key == 'a':
            weekday = value
        elif group_key == 'w':
            weekday = value
            if weekday == 0:
                weekday = 6
            else:
                weekday -= 1
        elif group_key == 'u':
            weekday = value - 1
        elif group_key == 'j':
            julian = value
        elif group_key in ('U', 'W'):
            week_of_year = value
            if group_key == 'U':
                week_of_year_start = 6
            else:
                week_of_year_start = 0
        elif group_key == 'V':
            iso_week = value
        elif group_key == 'z':
            z = value
            if z == 'Z':
                gmtoff = 0
            else:
                if z[3] == ':':
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ':':
                            msg = f"Inconsistent use of : in {found['z']}"
                            raise ValueError(msg)
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = (hours * 60 * 60) + (minutes * 60) + seconds
                gmtoff_remainder = z[8:]
                gmtoff_remainder_padding = "0" * (6 - len(gmtoff_remainder))
                gmtoff_fraction = int(gmtoff_remainder + gmtoff_remainder_padding)
                if z.startswith("-"):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif group_key == 'Z':
            found_zone = value.lower()
            if found_zone in ("utc", "gmt"):
                tz = 0
            else:
                for idx, name in enumerate(_time.tzname):
                    if found_zone == name.lower():
                        if (_time.tzname[0] == _time.tzname[1] and _time.daylight and found_zone not in ("utc", "gmt")):
                            break
                        tz = idx
                        break
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with "
                             "the ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not "
                             "compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif week_of_year is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with "
                             "the ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        else:
            raise ValueError("ISO week directive '%V' is incompatible with "
                             "the year directive '%Y'. Use the ISO year '%G' "
                             "instead.")
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            week_starts_Mon = (week_of_year_start == 0)
            julian = _calc_julian_from_U_or_W(year, week_of_year, weekday, week_starts_Mon)
        elif iso_year is not None and iso_week is not None:
            year, julian = _calc_julian_from_V(iso_year, iso_week, weekday + 1)
        if julian is not None and julian <= 0:
            year -= 1
            yday = 366 if _is_leap(year) else 365
            julian += yday
    if julian is None:
        try:
            julian = _days_before_month(year, month) + day
            _validate_day(year, month, day)
        except ValueError:
            raise
    else:
        # month and day from the ordinal day of the year
        y, m, d = _from_julian(year, julian)
        year, month, day = y, m, d
    if weekday is None:
        weekday = _weekday(year, month, day)
    tzname = found.get('Z')
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz, tzname, gmtoff),
            fraction, gmtoff_fraction)


def _validate_day(year, month, day):
    dim = [0, 31, 29 if _is_leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]
    if not 1 <= day <= dim:
        raise ValueError('day is out of range for month')


def _from_julian(year, julian):
    m = 1
    while m < 12 and julian > _days_before_month(year, m + 1):
        m += 1
    d = julian - _days_before_month(year, m)
    if d < 1:
        d = 1
    return year, m, d


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a time struct based on the input string and the format string."""
    tt = _strptime(data_string, format)[0]
    return _time.struct_time(tt[:11])


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a class cls instance based on the input string and the format string."""
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        import datetime as _datetime
        tzdelta = _datetime.timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        if tzname:
            tz = _datetime.timezone(tzdelta, tzname)
        else:
            tz = _datetime.timezone(tzdelta)
        args += (tz,)
    return cls(*args)
