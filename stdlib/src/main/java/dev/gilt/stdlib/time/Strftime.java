package dev.gilt.stdlib.time;

/**
 * strftime for the C/POSIX locale, following glibc: the conversions of C99 and POSIX plus the
 * GNU flags ({@code -} no padding, {@code _} space padding, {@code 0} zero padding, {@code ^} upper
 * case, {@code #} swap case) and field widths. Fields are used as given (the weekday is not
 * recomputed), as C's strftime does; an unknown conversion is copied through unchanged.
 */
final class Strftime {
    private Strftime() {}

    static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    /** Broken-down time with Python's conventions (month 1-12, wday Monday=0, yday 1-366). */
    record Tm(long year, int mon, int mday, int hour, int min, int sec, int wday, int yday, int isdst, String zone,
              long gmtoff, double epoch) {}

    static String format(String fmt, Tm t) {
        StringBuilder out = new StringBuilder();
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i;
            if (i + 1 >= n) {
                out.append('%');
                break;
            }
            char flag = 0;
            int j = i + 1;
            while (j < n && "-_0^#".indexOf(fmt.charAt(j)) >= 0) {
                flag = fmt.charAt(j);
                j++;
            }
            int width = -1;
            while (j < n && Character.isDigit(fmt.charAt(j))) {
                width = (width < 0 ? 0 : width * 10) + (fmt.charAt(j) - '0');
                j++;
            }
            while (j < n && (fmt.charAt(j) == 'E' || fmt.charAt(j) == 'O')) j++;
            if (j >= n) {
                out.append(fmt, start, n);
                break;
            }
            char conv = fmt.charAt(j);
            String r = convert(conv, t, flag, width);
            if (r == null) {
                out.append(fmt, start, j + 1);
            } else {
                out.append(r);
            }
            i = j;
        }
        return out.toString();
    }

    private static String num(long v, int defWidth, char defPad, char flag, int width) {
        char pad = flag == '-' ? 0 : flag == '_' ? ' ' : flag == '0' ? '0' : defPad;
        int w = width >= 0 ? width : defWidth;
        String s = Long.toString(Math.abs(v));
        StringBuilder sb = new StringBuilder();
        if (v < 0) sb.append('-');
        if (pad != 0) for (int k = s.length() + (v < 0 ? 1 : 0); k < w; k++) sb.append(pad);
        sb.append(s);
        return sb.toString();
    }

    /** glibc's '#' means "the opposite case": upper for names, lower for %p and %Z. */
    private static String text(String s, char flag, int width) {
        if (flag == '^' || flag == '#') s = s.toUpperCase();
        if (width > s.length()) s = (flag == '0' ? "0" : " ").repeat(width - s.length()) + s;
        return s;
    }

    /** ISO 8601 week-based year and week for the given fields (glibc's iso_week_days). */
    static long[] isoWeek(long year, int yday0, int wdayMon) {
        // days since the Monday of ISO week 1 of this year
        int d = isoWeekDays(yday0, wdayMon);
        long y = year;
        if (d < 0) {
            y--;
            d = isoWeekDays(yday0 + (isLeap(y) ? 366 : 365), wdayMon);
        } else {
            int dNext = isoWeekDays(yday0 - (isLeap(year) ? 366 : 365), wdayMon);
            if (dNext >= 0) {
                y++;
                d = dNext;
            }
        }
        return new long[] {y, d / 7 + 1};
    }

    private static int isoWeekDays(int yday0, int wdayMon) {
        int wdaySun = (wdayMon + 1) % 7;
        final int bigEnoughMultipleOf7 = (366 / 7 + 2) * 7;
        return yday0 - (yday0 - wdaySun + 4 /* Thursday */ + bigEnoughMultipleOf7) % 7 + 3;
    }

    static boolean isLeap(long y) {
        return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    private static String convert(char conv, Tm t, char flag, int width) {
        int wdaySun = (t.wday + 1) % 7;
        int yday0 = t.yday - 1;
        switch (conv) {
            case 'a': return text(DAYS[Math.floorMod(t.wday, 7)].substring(0, 3), flag, width);
            case 'A': return text(DAYS[Math.floorMod(t.wday, 7)], flag, width);
            case 'b':
            case 'h': return text(MONTHS[Math.floorMod(t.mon - 1, 12)].substring(0, 3), flag, width);
            case 'B': return text(MONTHS[Math.floorMod(t.mon - 1, 12)], flag, width);
            case 'c': return text(format("%a %b %e %H:%M:%S %Y", t), flag, width);
            case 'C': return num(Math.floorDiv(t.year, 100), t.year < 1000 ? 1 : 2, '0', flag, width);
            case 'd': return num(t.mday, 2, '0', flag, width);
            case 'D': return text(format("%m/%d/%y", t), flag, width);
            case 'e': return num(t.mday, 2, ' ', flag, width);
            case 'F': return text(num(t.year, 4, '0', (char) 0, -1) + format("-%m-%d", t), flag, width);
            case 'G': return num(isoWeek(t.year, yday0, t.wday)[0], 1, '0', flag, width);
            case 'g': return num(Math.floorMod(isoWeek(t.year, yday0, t.wday)[0], 100), 2, '0', flag, width);
            case 'H': return num(t.hour, 2, '0', flag, width);
            case 'I': return num(t.hour % 12 == 0 ? 12 : t.hour % 12, 2, '0', flag, width);
            case 'j': return num(t.yday, 3, '0', flag, width);
            case 'k': return num(t.hour, 2, ' ', flag, width);
            case 'l': return num(t.hour % 12 == 0 ? 12 : t.hour % 12, 2, ' ', flag, width);
            case 'm': return num(t.mon, 2, '0', flag, width);
            case 'M': return num(t.min, 2, '0', flag, width);
            case 'n': return "\n";
            case 'p': return flag == '#' ? (t.hour >= 12 ? "pm" : "am") : text(t.hour >= 12 ? "PM" : "AM", flag, width);
            case 'P': return text(t.hour >= 12 ? "pm" : "am", flag, width);
            case 'r': return text(format("%I:%M:%S %p", t), flag, width);
            case 'R': return text(format("%H:%M", t), flag, width);
            case 's': return num((long) Math.floor(t.epoch), 1, '0', flag, width);
            case 'S': return num(t.sec, 2, '0', flag, width);
            case 't': return "\t";
            case 'T': return text(format("%H:%M:%S", t), flag, width);
            case 'u': return num(t.wday + 1, 1, '0', flag, width);
            case 'U': return num((yday0 + 7 - wdaySun) / 7, 2, '0', flag, width);
            case 'V': return num(isoWeek(t.year, yday0, t.wday)[1], 2, '0', flag, width);
            case 'w': return num(wdaySun, 1, '0', flag, width);
            case 'W': return num((yday0 + 7 - (wdaySun + 6) % 7) / 7, 2, '0', flag, width);
            case 'x': return text(format("%m/%d/%y", t), flag, width);
            case 'X': return text(format("%H:%M:%S", t), flag, width);
            case 'y': return num(Math.floorMod(t.year, 100), 2, '0', flag, width);
            case 'Y': return num(t.year, 1, '0', flag, width);
            case 'z': {
                long off = t.gmtoff;
                char sign = off < 0 ? '-' : '+';
                off = Math.abs(off);
                return sign + num(off / 3600 * 100 + off % 3600 / 60, 4, '0', flag, width < 0 ? -1 : width - 1);
            }
            case 'Z': return flag == '#' ? (t.zone == null ? "" : t.zone.toLowerCase()) : text(t.zone == null ? "" : t.zone, flag, width);
            case '%': return "%";
            case '+': return null;
            default: return null;
        }
    }
}
