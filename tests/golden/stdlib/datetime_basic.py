import datetime as dt
from datetime import date, time, datetime, timedelta, timezone

td = timedelta(days=1, hours=2, minutes=3, seconds=4.5, milliseconds=6, microseconds=7)
print(repr(td), str(td), td.total_seconds(), td.days, td.seconds, td.microseconds)
print(repr(timedelta(0)), repr(timedelta(days=-1, seconds=5)), str(timedelta(days=-1, seconds=5)), str(timedelta(microseconds=5)))
print(str(timedelta(days=2, hours=3)), repr(timedelta(microseconds=-1)), str(-timedelta(hours=1)), timedelta(weeks=1, days=-1))
print(timedelta(hours=1) * 2.5, timedelta(hours=1) / 4, timedelta(hours=1) // timedelta(minutes=7), timedelta(hours=1) % timedelta(minutes=7))
print(divmod(timedelta(hours=1), timedelta(minutes=7)), timedelta(hours=1) / timedelta(minutes=7), abs(timedelta(days=-2)), timedelta(1) > timedelta(0))
print(timedelta(seconds=0.5) == timedelta(microseconds=500000), hash(timedelta(1)) == hash(timedelta(hours=24)), bool(timedelta(0)))
print(timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(seconds=1/3), timedelta(days=0.1), timedelta.max, timedelta.min)
for bad in [lambda: timedelta(days=10 ** 9), lambda: timedelta(days='x')]:
    try:
        bad()
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)

d = date(2024, 3, 5)
print(repr(d), str(d), d.isoformat(), d.weekday(), d.isoweekday(), d.toordinal(), d.ctime(), d.isocalendar())
print(d + timedelta(days=30), d - timedelta(days=65), d - date(2023, 12, 25), d.replace(day=1), d.timetuple())
print(date.fromordinal(738950), date.fromisoformat('2024-02-29'), date.fromisoformat('20240229'), date.fromisocalendar(2024, 10, 2))
print(d.strftime('%A %d %B %Y (%j) %U %W %a %b %y %m/%d'), format(d, '%Y'), '{:%d.%m.%Y}'.format(d), f'{d}')
print(date(2024, 12, 30).isocalendar(), date(2021, 1, 3).isocalendar(), date.min, date.max, date(2024, 1, 1) < date(2024, 1, 2))
for bad in [lambda: date(2024, 2, 30), lambda: date(0, 1, 1), lambda: date(2024, 13, 1), lambda: date.fromisoformat('2024-1-1'), lambda: date(2024, 1, 1.5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

t = time(10, 11, 12, 13000)
print(repr(t), str(t), t.isoformat('milliseconds'), t.isoformat('minutes'), repr(time(0)), repr(time(1, 2, 3)), t.strftime('%H-%M-%S.%f'))
print(time.fromisoformat('10:11:12.5'), time.fromisoformat('101112'), time(1, tzinfo=timezone.utc), repr(time(1, tzinfo=timezone.utc)))
try:
    time(25)
except ValueError as e:
    print('ValueError', e)

x = datetime(2024, 3, 5, 10, 11, 12, 13)
print(repr(x), str(x), x.isoformat(), x.isoformat(' ', 'seconds'), x.date(), x.time(), x.ctime(), x.timetuple())
print(x + timedelta(hours=20), x - datetime(2024, 1, 1), x - timedelta(days=400), x.replace(year=2020, microsecond=0))
print(x.strftime('%Y-%m-%d %H:%M:%S.%f %p %I %% %z|%Z|'), repr(datetime(2024, 1, 1)), datetime(2024, 1, 1, 0, 0, 1) > x)
u = datetime(2024, 3, 5, 10, 11, 12, tzinfo=timezone.utc)
print(repr(u), str(u), u.isoformat(), u.timestamp(), u.utcoffset(), u.tzname(), u.strftime('%z %Z'))
cet = timezone(timedelta(hours=1), 'CET')
print(u.astimezone(cet), repr(cet), str(cet), repr(timezone(timedelta(hours=-5, minutes=-30))), str(timezone(timedelta(hours=5, minutes=30))))
print(repr(timezone.utc), str(timezone.utc), timezone.utc is dt.UTC, timezone(timedelta(0)) is timezone.utc)
print(datetime.fromisoformat('2024-03-05T10:11:12'), datetime.fromisoformat('2024-03-05 10:11:12.345+02:00'), datetime.fromisoformat('2024-03-05T10:11:12Z'))
print(datetime.fromisoformat('2024-03-05'), datetime.fromisoformat('20240305T101112'))
print(datetime.strptime('2024-03-05 10:11:12', '%Y-%m-%d %H:%M:%S'), datetime.strptime('5 March 2024 3PM', '%d %B %Y %I%p'))
print(datetime.strptime('Tue Mar  5 10:11:12 2024', '%a %b %d %H:%M:%S %Y'), datetime.strptime('12/31/99', '%m/%d/%y'))
print(repr(datetime.strptime('2024-03-05T10:11:12.5+0530', '%Y-%m-%dT%H:%M:%S.%f%z')), datetime.strptime('070', '%j'))
for s, f in [('2024-13', '%Y-%m'), ('2024-12x', '%Y-%m'), ('2024', '%Y-%m'), ('x', '%Q'), ('Feb 30 2024', '%b %d %Y')]:
    try:
        datetime.strptime(s, f)
    except ValueError as e:
        print('ValueError', e)
print(datetime(2024, 1, 1) == datetime(2024, 1, 1, tzinfo=timezone.utc), datetime.combine(d, t), datetime.fromtimestamp(0, timezone.utc))
print(datetime.utcfromtimestamp(86400 * 365.25), datetime(2024, 1, 1, tzinfo=timezone.utc) == datetime(2024, 1, 1, 1, tzinfo=cet))
for bad in [lambda: datetime(2024, 1, 1) < datetime(2024, 1, 1, tzinfo=timezone.utc),
            lambda: datetime(2024, 1, 1) - datetime(2024, 1, 1, tzinfo=timezone.utc)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
print(sorted([datetime(2024, 1, 2), datetime(2023, 5, 1), datetime(2024, 1, 1, 12)]))
print({date(2024, 1, 1): 'a'}[date(2024, 1, 1)], len({datetime(2024, 1, 1), datetime(2024, 1, 1, 0)}))
import time as _t
print(type(datetime.now()).__name__, type(date.today()).__name__, abs(datetime.now().timestamp() - _t.time()) < 5)
