package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.Config;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Formats an exception as CPython 3.12's default {@code sys.excepthook} does: the chain of causes
 * and contexts, "Traceback (most recent call last):", one {@code File "...", line N, in name}
 * entry per frame with the stripped source line and 3.11+ caret lines, recursion elision, the
 * {@code SyntaxError} layout and the final {@code Type: message} line.
 */
public final class TracebackPrinter {
    private TracebackPrinter() {}

    private static final int RECURSIVE_CUTOFF = 3;

    /**
     * Finds the secondary range of a caret line (CPython's extract_anchors_from_line): given the
     * source segment an instruction covers, returns {leftEnd, rightStart} relative to the
     * segment for a binary operation or subscript, or null. Installed by whoever can parse
     * expressions (the launcher installs the parser); null means no anchors.
     */
    public interface AnchorFinder {
        int[] anchors(String segment);
    }

    public static volatile AnchorFinder anchorFinder = MiniAnchors::find;

    /** The whole report for {@code exc} (ends with a newline). */
    public static String format(PyBaseException exc) {
        StringBuilder sb = new StringBuilder();
        formatChain(sb, exc, Collections.newSetFromMap(new IdentityHashMap<>()));
        return sb.toString();
    }

    private static void formatChain(StringBuilder sb, PyBaseException exc, Set<PyObject> seen) {
        seen.add(exc);
        if (exc.cause instanceof PyBaseException c && !seen.contains(c)) {
            formatChain(sb, c, seen);
            sb.append("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (exc.context instanceof PyBaseException c && !exc.suppressContext && !seen.contains(c)) {
            formatChain(sb, c, seen);
            sb.append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        if (exc.traceback instanceof PyTraceback tb) {
            sb.append("Traceback (most recent call last):\n");
            formatEntries(sb, tb);
        }
        formatExceptionOnly(sb, exc);
    }

    /** The frame lines of a traceback chain, with CPython's recursion elision. */
    public static void formatEntries(StringBuilder sb, PyTraceback tb) {
        String lastFile = null, lastName = null;
        int lastLine = -1, count = 0;
        for (PyTraceback t = tb; t != null; t = t.next) {
            PyCode co = t.frame.code;
            int line = t.lineno();
            if (lastFile == null || !lastFile.equals(co.filename) || lastLine != line || !lastName.equals(co.name)) {
                if (count > RECURSIVE_CUTOFF) appendRepeated(sb, count - RECURSIVE_CUTOFF);
                lastFile = co.filename;
                lastLine = line;
                lastName = co.name;
                count = 0;
            }
            count++;
            if (count > RECURSIVE_CUTOFF) continue;
            formatEntry(sb, co, t.lasti, line);
        }
        if (count > RECURSIVE_CUTOFF) appendRepeated(sb, count - RECURSIVE_CUTOFF);
    }

    private static void appendRepeated(StringBuilder sb, int n) {
        sb.append("  [Previous line repeated ").append(n).append(" more time").append(n > 1 ? "s" : "").append("]\n");
    }

    /** One {@code File "f", line N, in name} entry, its source line and carets. */
    static void formatEntry(StringBuilder sb, PyCode co, int lasti, int line) {
        sb.append("  File \"").append(co.filename).append("\", line ").append(line).append(", in ")
                .append(co.name).append('\n');
        String src = SourceCache.line(co.filename, line);
        if (src == null) return;
        String stripped = pyStrip(src);
        if (stripped.isEmpty()) return;
        sb.append("    ").append(stripped).append('\n');
        if (lasti < 0 || lasti >= co.lines.length) return;
        int startLine = co.lines[lasti], endLine = co.endLines[lasti];
        int start = co.cols[lasti], end = co.endCols[lasti];
        if (startLine != line || start < 0 || end < 0 || endLine < 0) return;
        int[] cps = src.codePoints().toArray();
        if (start > cps.length) return;
        int leftEnd = -1, rightStart = -1;
        if (endLine == startLine) {
            if (end > cps.length || end < start) return;
            AnchorFinder af = anchorFinder;
            if (af != null) {
                try {
                    int[] a = af.anchors(new String(cps, start, end - start));
                    if (a != null) {
                        leftEnd = a[0] + start;
                        rightStart = a[1] + start;
                    }
                } catch (RuntimeException e) {
                    // A segment the finder cannot handle just gets plain carets.
                }
            }
        } else {
            int i = cps.length;
            while (--i >= 0 && isWhitespace(cps[i])) {
                // highlight a multi-line expression up to the last non-blank character
            }
            end = i + 1;
        }
        int truncation = 0;
        while (truncation < cps.length && isWhitespace(cps[truncation])) truncation++;
        int strippedLen = stripped.codePointCount(0, stripped.length());
        boolean secondary = leftEnd != -1 || rightStart != -1;
        if (end - start == strippedLen && !secondary) return;
        sb.append("    ");
        for (int offset = truncation + 1; offset <= end; offset++) {
            if (offset <= start) {
                sb.append(' ');
            } else if (secondary && leftEnd < offset && offset <= rightStart) {
                sb.append('^');
            } else {
                sb.append(secondary ? '~' : '^');
            }
        }
        sb.append('\n');
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** Python's str.strip() for source lines. */
    static String pyStrip(String s) {
        int b = 0, e = s.length();
        while (b < e && Character.isWhitespace(s.charAt(b))) b++;
        while (e > b && Character.isWhitespace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    // ---- the last line -----------------------------------------------------------------------

    /** {@code Type: message} (and the SyntaxError block, and __notes__). */
    public static void formatExceptionOnly(StringBuilder sb, PyBaseException exc) {
        PyType t = exc.type();
        String tn = qualifiedName(t);
        if (t.isSubtypeOf(PyExc.SyntaxError)) {
            formatSyntaxError(sb, exc, tn);
        } else {
            String msg = VmSupport.excStr(exc);
            sb.append(tn);
            if (!msg.isEmpty()) sb.append(": ").append(msg);
            sb.append('\n');
        }
        PyObject notes = exc.dict == null ? null : exc.dict.getItemStr(PyStr.intern("__notes__"));
        if (notes instanceof PyList l) {
            for (int i = 0; i < l.size; i++) {
                PyObject n = l.items[i];
                sb.append(n instanceof PyStr s ? s.value : safeRepr(n)).append('\n');
            }
        }
    }

    /** {@code module.Qualname}, without the module for builtins and __main__. */
    static String qualifiedName(PyType t) {
        PyObject mod = t.dict.getItemStr(PyStr.intern("__module__"));
        String m = mod instanceof PyStr s ? s.value : "builtins";
        if (m.equals("builtins") || m.equals("__main__")) return t.qualname;
        return m + "." + t.qualname;
    }

    private static PyObject attr(PyBaseException e, String name) {
        try {
            PyObject v = Ops.lookupAttr(e, PyStr.intern(name));
            if (v == null && e.dict != null) {
                v = e.dict.getItemStr(PyStr.intern(name));
                if (v != null) RefCount.incref(v);
            }
            return v;
        } catch (PyException x) {
            RefCount.decref(x.exc);
            return null;
        }
    }

    private static String strAttr(PyBaseException e, String name) {
        PyObject v = attr(e, name);
        try {
            return v instanceof PyStr s ? s.value : null;
        } finally {
            RefCount.xdecref(v);
        }
    }

    private static Integer intAttr(PyBaseException e, String name) {
        PyObject v = attr(e, name);
        try {
            return v instanceof PyInt i ? (int) i.value : null;
        } finally {
            RefCount.xdecref(v);
        }
    }

    private static void formatSyntaxError(StringBuilder sb, PyBaseException exc, String tn) {
        String filename = strAttr(exc, "filename");
        Integer lineno = intAttr(exc, "lineno");
        String suffix = "";
        if (lineno != null) {
            sb.append("  File \"").append(filename == null ? "<string>" : filename).append("\", line ").append(lineno)
                    .append('\n');
        } else if (filename != null) {
            suffix = " (" + filename + ")";
        }
        String text = strAttr(exc, "text");
        if (text != null) {
            String rtext = text;
            while (rtext.endsWith("\n")) rtext = rtext.substring(0, rtext.length() - 1);
            int k = 0;
            while (k < rtext.length() && (rtext.charAt(k) == ' ' || rtext.charAt(k) == '\n' || rtext.charAt(k) == '\f')) k++;
            String ltext = rtext.substring(k);
            int spaces = k;
            sb.append("    ").append(ltext).append('\n');
            Integer off = intAttr(exc, "offset");
            if (off != null) {
                int offset = off;
                Integer eo = intAttr(exc, "end_offset");
                int endOffset = eo == null || eo == 0 ? offset : eo;
                int tl = text.codePointCount(0, text.length());
                if (offset > tl) offset = tl + 1;
                if (endOffset > tl) endOffset = tl + 1;
                if (offset >= endOffset || endOffset < 0) endOffset = offset + 1;
                int colno = offset - 1 - spaces;
                int endColno = endOffset - 1 - spaces;
                if (colno >= 0) {
                    StringBuilder caret = new StringBuilder("    ");
                    int[] lt = ltext.codePoints().toArray();
                    for (int i = 0; i < colno && i < lt.length; i++) {
                        caret.appendCodePoint(Character.isWhitespace(lt[i]) ? lt[i] : ' ');
                    }
                    for (int i = 0; i < lt.length && i < colno - lt.length; i++) caret.append(' ');
                    caret.append("^".repeat(Math.max(0, endColno - colno)));
                    sb.append(caret).append('\n');
                }
            }
        }
        String msg = strAttr(exc, "msg");
        if (msg == null) {
            msg = exc.args.size() > 0 && exc.args.get(0) instanceof PyStr s ? s.value : null;
        }
        sb.append(tn).append(": ").append(msg == null ? "<no detail available>" : msg).append(suffix).append('\n');
    }

    private static String safeRepr(PyObject o) {
        try {
            return Ops.reprString(o);
        } catch (PyException e) {
            RefCount.decref(e.exc);
            return "<object repr() failed>";
        }
    }

    /** The Java stack of an internal error behind {@code exc}, for {@code -X javatrace}, or "". */
    public static String javaTrace(PyBaseException exc) {
        if (!Config.JAVA_TRACE) return "";
        Throwable t = VmOps.javaCause(exc);
        if (t == null) return "";
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    static boolean isNone(PyObject o) {
        return o == null || o == PyNone.NONE;
    }
}
