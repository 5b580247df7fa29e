package dev.gilt.stdlib.time;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Namespace;
import dev.gilt.stdlib.util.StructSeq;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The {@code time} module over java.time: the clocks, struct_time conversions in the local zone
 * (the JVM's default zone, i.e. TZ) and UTC, and C-locale strftime. time.strptime is delegated to
 * the {@code _strptime} module (written in Python, shared with datetime).
 */
public final class TimeModule implements ModuleProvider {
    @Override
    public String name() {
        return "time";
    }

    public static final StructSeq.Type STRUCT_TIME = StructSeq.newType("time", "struct_time",
            new String[] {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
                "tm_isdst"}, "tm_zone", "tm_gmtoff");

    private static final long START_NANOS = System.nanoTime();

    static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /** The seconds argument of localtime/gmtime/ctime: None means now; floats are floored. */
    static long secondsArg(PyObject[] args, String fname) {
        if (args.length > 1) throw Errors.typeError("%s expected at most 1 argument, got %d", fname, args.length);
        if (args.length == 0 || args[0] == PyNone.NONE) return Math.floorDiv(System.currentTimeMillis(), 1000);
        PyObject a = args[0];
        if (a instanceof PyFloat f) {
            if (Double.isNaN(f.value)) throw Errors.valueError("Invalid value NaN (not a number)");
            double fl = Math.floor(f.value);
            if (Math.abs(fl) > 1e17) throw Errors.overflow("timestamp out of range for platform time_t");
            return (long) fl;
        }
        if (a instanceof PyInt i) {
            if (i.big != null || Math.abs(i.value) > 100_000_000_000_000_000L) {
                throw Errors.overflow("timestamp out of range for platform time_t");
            }
            return i.value;
        }
        if (a.type().asFloat != null) return secondsArg(new PyObject[] {PyFloat.of(Args.asDouble(a))}, fname);
        throw Errors.typeError("'%s' object cannot be interpreted as an integer", a.type().name());
    }

    /** struct_time for an instant in a zone. */
    static PyObject structTime(long secs, ZoneId z, boolean utc) {
        ZonedDateTime t;
        try {
            t = Instant.ofEpochSecond(secs).atZone(z);
        } catch (java.time.DateTimeException e) {
            throw Errors.overflow("timestamp out of range for platform time_t");
        }
        int isdst = utc ? 0 : z.getRules().isDaylightSavings(t.toInstant()) ? 1 : 0;
        String abbrev = utc ? "GMT" : zoneAbbrev(z, t);
        return StructSeq.make(STRUCT_TIME, PyInt.of(t.getYear()), PyInt.of(t.getMonthValue()), PyInt.of(t.getDayOfMonth()),
                PyInt.of(t.getHour()), PyInt.of(t.getMinute()), PyInt.of(t.getSecond()),
                PyInt.of(t.getDayOfWeek().getValue() - 1), PyInt.of(t.getDayOfYear()), PyInt.of(isdst),
                PyStr.of(abbrev), PyInt.of(t.getOffset().getTotalSeconds()));
    }

    static String zoneAbbrev(ZoneId z, ZonedDateTime t) {
        if (z instanceof ZoneOffset || z.getId().equals("UTC") || z.getId().equals("Z") || z.getId().equals("Etc/UTC")) {
            return "UTC";
        }
        boolean dst = z.getRules().isDaylightSavings(t.toInstant());
        String s = TimeZone.getTimeZone(z).getDisplayName(dst, TimeZone.SHORT, Locale.ROOT);
        return s;
    }

    /** CPython's gettmarg + checktm: a 9-tuple (or struct_time) to fields, with range checks. */
    static Strftime.Tm tmArg(PyObject o, String fname, boolean check) {
        if (!(o instanceof PyTuple t)) throw Errors.typeError("Tuple or struct_time argument required");
        if (t.size() != 9) throw Errors.typeError("%s(): illegal time tuple argument", fname);
        long[] v = new long[9];
        for (int i = 0; i < 9; i++) {
            PyObject x = t.get(i);
            if (x instanceof PyFloat) throw Errors.typeError("'float' object cannot be interpreted as an integer");
            v[i] = Args.asLong(x);
        }
        String zone = null;
        long gmtoff = 0;
        if (o instanceof StructSeq && o.type() == STRUCT_TIME) {
            PyObject zn = Ops.getAttr(o, "tm_zone"), off = Ops.getAttr(o, "tm_gmtoff");
            if (zn instanceof PyStr zs) zone = zs.value;
            if (off instanceof PyInt oi) gmtoff = oi.value;
            RefCount.decref(zn);
            RefCount.decref(off);
        }
        int mon = (int) v[1], mday = (int) v[2], yday = (int) v[7];
        if (check) {
            if (mon == 0) mon = 1;
            else if (mon < 1 || mon > 12) throw Errors.valueError("month out of range");
            if (mday == 0) mday = 1;
            else if (mday < 0 || mday > 31) throw Errors.valueError("day of month out of range");
            if (v[3] < 0 || v[3] > 23) throw Errors.valueError("hour out of range");
            if (v[4] < 0 || v[4] > 59) throw Errors.valueError("minute out of range");
            if (v[5] < 0 || v[5] > 61) throw Errors.valueError("seconds out of range");
            if ((v[6] + 1) % 7 < 0) throw Errors.valueError("day of week out of range");
            if (yday == 0) yday = 1;
            else if (yday < 0 || yday > 366) throw Errors.valueError("day of year out of range");
        }
        int isdst = (int) Math.max(-1, Math.min(1, v[8]));
        if (zone == null) {
            TimeZone tz = TimeZone.getTimeZone(zone());
            zone = zoneName(tz, isdst > 0);
            gmtoff = 0;
        }
        int wday = (int) Math.floorMod(v[6], 7L);
        double epoch = 0;
        try {
            epoch = mktime(v[0], mon, mday, (int) v[3], (int) v[4], (int) v[5], isdst);
        } catch (RuntimeException e) {
            // %s of an impossible date: leave 0
        }
        return new Strftime.Tm(v[0], mon, mday, (int) v[3], (int) v[4], (int) v[5], wday, yday, isdst, zone, gmtoff, epoch);
    }

    static String zoneName(TimeZone tz, boolean dst) {
        if (tz.getID().equals("UTC") || tz.getID().equals("GMT") || tz.getID().equals("Etc/UTC")) return "UTC";
        return tz.getDisplayName(dst && tz.useDaylightTime(), TimeZone.SHORT, Locale.ROOT);
    }

    /** C mktime: local broken-down time (fields normalised) to epoch seconds. */
    static double mktime(long year, int mon, int mday, int hour, int min, int sec, int isdst) {
        LocalDateTime ldt = LocalDateTime.of((int) year, 1, 1, 0, 0, 0).plusMonths(mon - 1L).plusDays(mday - 1L)
                .plusHours(hour).plusMinutes(min).plusSeconds(sec);
        ZonedDateTime z = ZonedDateTime.ofLocal(ldt, zone(), null);
        if (isdst == 0 && zone().getRules().isDaylightSavings(z.toInstant())) {
            z = z.withLaterOffsetAtOverlap();
        } else if (isdst == 1) {
            z = z.withEarlierOffsetAtOverlap();
        }
        return (double) z.toEpochSecond();
    }

    static PyObject nowStructTime(boolean utc) {
        long secs = Math.floorDiv(System.currentTimeMillis(), 1000);
        return utc ? structTime(secs, ZoneOffset.UTC, true) : structTime(secs, zone(), false);
    }

    static String asctime(Strftime.Tm t) {
        return String.format("%s %s%3d %02d:%02d:%02d %d", Strftime.DAYS[t.wday()].substring(0, 3),
                Strftime.MONTHS[t.mon() - 1].substring(0, 3), t.mday(), t.hour(), t.min(), t.sec(), t.year());
    }

    static double sleepSeconds(PyObject a) {
        if (a instanceof PyFloat f) {
            if (Double.isNaN(f.value)) throw Errors.valueError("Invalid value NaN (not a number)");
            return f.value;
        }
        if (a instanceof PyInt) return Args.asDouble(a);
        if (a.type().asFloat != null) return Args.asDouble(a);
        throw Errors.typeError("'%s' object cannot be interpreted as an integer", a.type().name());
    }

    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long t = sun.getProcessCpuTime();
            if (t >= 0) return t;
        }
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static long timeNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("time");
        m.set("struct_time", STRUCT_TIME);
        TimeZone tz = TimeZone.getTimeZone(zone());
        int raw = tz.getRawOffset() / 1000;
        m.setSteal("timezone", PyInt.of(-raw));
        m.setSteal("altzone", PyInt.of(-(raw + (tz.useDaylightTime() ? tz.getDSTSavings() / 1000 : 0))));
        m.setSteal("daylight", PyInt.of(tz.useDaylightTime() ? 1 : 0));
        m.setSteal("tzname", PyTuple.steal(PyStr.of(zoneName(tz, false)), PyStr.of(zoneName(tz, true))));
        for (String[] c : new String[][] {{"CLOCK_REALTIME", "0"}, {"CLOCK_MONOTONIC", "1"},
            {"CLOCK_PROCESS_CPUTIME_ID", "2"}, {"CLOCK_THREAD_CPUTIME_ID", "3"}}) {
            m.setSteal(c[0], PyInt.of(Integer.parseInt(c[1])));
        }

        m.def("time", (Fn.F0) mod -> PyFloat.of(timeNs() / 1e9));
        m.def("time_ns", (Fn.F0) mod -> PyInt.of(timeNs()));
        m.def("perf_counter", (Fn.F0) mod -> PyFloat.of((System.nanoTime() - START_NANOS) / 1e9));
        m.def("perf_counter_ns", (Fn.F0) mod -> PyInt.of(System.nanoTime() - START_NANOS));
        m.def("monotonic", (Fn.F0) mod -> PyFloat.of((System.nanoTime() - START_NANOS) / 1e9));
        m.def("monotonic_ns", (Fn.F0) mod -> PyInt.of(System.nanoTime() - START_NANOS));
        m.def("process_time", (Fn.F0) mod -> PyFloat.of(processCpuNanos() / 1e9));
        m.def("process_time_ns", (Fn.F0) mod -> PyInt.of(processCpuNanos()));
        m.def("thread_time", (Fn.F0) mod -> PyFloat.of(threadCpuNanos() / 1e9));
        m.def("thread_time_ns", (Fn.F0) mod -> PyInt.of(threadCpuNanos()));
        m.def("sleep", (Fn.F1) (mod, a) -> {
            double s = sleepSeconds(a);
            if (s < 0) throw Errors.valueError("sleep length must be non-negative");
            long nanos = (long) Math.min(s * 1e9, Long.MAX_VALUE);
            // The GIL is released while sleeping; Ctrl-C raises KeyboardInterrupt at once.
            dev.gilt.stdlib.util.Waits.sleep(nanos);
            return PyNone.NONE;
        });
        m.def("gmtime", (Fn.FV) (mod, args, kw) -> structTime(secondsArg(args, "gmtime"), ZoneOffset.UTC, true));
        m.def("localtime", (Fn.FV) (mod, args, kw) -> structTime(secondsArg(args, "localtime"), zone(), false));
        m.def("mktime", (Fn.F1) (mod, t) -> {
            Strftime.Tm tm = tmArg(t, "mktime", false);
            try {
                return PyFloat.of(mktime(tm.year(), tm.mon(), tm.mday(), tm.hour(), tm.min(), tm.sec(), tm.isdst()));
            } catch (java.time.DateTimeException | ArithmeticException e) {
                throw Errors.overflow("mktime argument out of range");
            }
        });
        m.def("strftime", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("strftime", kw);
            Args.count("strftime", args, 1, 2);
            String fmt = Args.asStr(args[0], "strftime() argument 1");
            PyObject t = args.length > 1 ? RefCount.newRef(args[1]) : nowStructTime(false);
            try {
                if (fmt.indexOf('\0') >= 0) throw Errors.valueError("embedded null character");
                return PyStr.of(Strftime.format(fmt, tmArg(t, "strftime", true)));
            } finally {
                RefCount.decref(t);
            }
        });
        m.def("asctime", (Fn.FV) (mod, args, kw) -> {
            Args.count("asctime", args, 0, 1);
            PyObject t = args.length > 0 ? RefCount.newRef(args[0]) : nowStructTime(false);
            try {
                return PyStr.of(asctime(tmArg(t, "asctime", true)));
            } finally {
                RefCount.decref(t);
            }
        });
        m.def("ctime", (Fn.FV) (mod, args, kw) -> {
            PyObject t = structTime(secondsArg(args, "ctime"), zone(), false);
            try {
                return PyStr.of(asctime(tmArg(t, "ctime", false)));
            } finally {
                RefCount.decref(t);
            }
        });
        m.def("strptime", (Fn.FV) (mod, args, kw) -> {
            Args.count("strptime", args, 1, 2);
            Interp in = Interp.main();
            if (in == null || in.hooks == null) throw Errors.of(PyExc.ImportError, "No module named '_strptime'");
            PyObject sp = in.hooks.importModule("_strptime", null, PyNone.NONE, 0);
            try {
                return Ops.callMethod(sp, "_strptime_time", args);
            } finally {
                RefCount.decref(sp);
            }
        });
        m.def("tzset", (Fn.F0) mod -> PyNone.NONE);
        m.def("get_clock_info", (Fn.F1) (mod, name) -> {
            String n = Args.asStr(name, "get_clock_info() argument");
            Namespace ns = new Namespace();
            switch (n) {
                case "time" -> ns.setSteal("implementation", PyStr.of("clock_gettime(CLOCK_REALTIME)"))
                        .set("monotonic", PyBool.FALSE).set("adjustable", PyBool.TRUE);
                case "monotonic", "perf_counter" -> ns.setSteal("implementation", PyStr.of("clock_gettime(CLOCK_MONOTONIC)"))
                        .set("monotonic", PyBool.TRUE).set("adjustable", PyBool.FALSE);
                case "process_time" -> ns.setSteal("implementation", PyStr.of("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)"))
                        .set("monotonic", PyBool.TRUE).set("adjustable", PyBool.FALSE);
                case "thread_time" -> ns.setSteal("implementation", PyStr.of("clock_gettime(CLOCK_THREAD_CPUTIME_ID)"))
                        .set("monotonic", PyBool.TRUE).set("adjustable", PyBool.FALSE);
                default -> throw Errors.valueError("unknown clock");
            }
            ns.setSteal("resolution", PyFloat.of(1e-09));
            return ns;
        });
        return m;
    }

    static String displayZone(ZonedDateTime t) {
        return t.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT);
    }
}
