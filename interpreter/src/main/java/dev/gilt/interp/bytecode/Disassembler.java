package dev.gilt.interp.bytecode;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyComplex;
import dev.gilt.runtime.object.PyEllipsis;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * Renders code objects the way CPython 3.12's {@code dis.dis} does: a line-number column shown
 * where the line changes, {@code >>} on jump and handler targets, byte offsets that count two bytes
 * per instruction and two per inline cache entry ({@link Opcode#cacheEntries}), the opcode name,
 * the argument and its meaning in parentheses, the {@code ExceptionTable:} section, and then every
 * nested code object.
 *
 * <p>Arguments are shown as CPython 3.12 encodes them, so the text can be compared with
 * {@code python3.12 -m dis}: jumps as relative distances in code units (Gilt stores absolute
 * instruction indexes), COMPARE_OP as {@code (op << 4) | mask}.
 */
public final class Disassembler {
    private Disassembler() {}

    private static final int OPNAME_WIDTH = 20, OPARG_WIDTH = 5;
    private static final String[] FORMAT_CONVERTERS = {"", "str", "repr", "ascii"};
    private static final String[] MAKE_FUNCTION_FLAGS = {"defaults", "kwdefaults", "annotations", "closure"};
    /** CPython 3.12's COMPARE_OP masks per comparison (<, <=, ==, !=, >, >=). */
    private static final int[] COMPARE_MASKS = {2, 10, 8, 7, 4, 12};

    /** The disassembly of {@code code} and, recursively, of the code objects among its constants. */
    public static String render(PyCode code) {
        StringBuilder sb = new StringBuilder();
        renderRecursive(code, sb);
        return sb.toString();
    }

    private static void renderRecursive(PyCode code, StringBuilder sb) {
        renderOne(code, sb);
        for (PyObject c : code.consts) {
            if (c instanceof PyCode nested) {
                sb.append('\n');
                sb.append("Disassembly of ").append(codeRepr(nested)).append(":\n");
                renderRecursive(nested, sb);
            }
        }
    }

    /**
     * Byte offset of each instruction index (and of the end, at index {@code code.length}), as
     * CPython 3.12 would lay the code out: two bytes per instruction, two per inline cache entry,
     * and two per EXTENDED_ARG prefix that CPython needs for arguments above 255 (Gilt's 24-bit
     * arguments need none, but the offsets then line up with {@code python3.12 -m dis}).
     */
    public static int[] offsets(PyCode code) {
        return layout(code)[0];
    }

    /** [offsets, extended-arg prefix counts, shown (CPython-encoded) arguments]. */
    private static int[][] layout(PyCode code) {
        int n = code.code.length;
        int[] ext = new int[n];
        int[] off = new int[n + 1];
        int[] shown = new int[n];
        boolean changed = true;
        while (changed) {
            int o = 0;
            for (int i = 0; i < n; i++) {
                off[i] = o;
                o += 2 * (1 + ext[i]) + 2 * Opcode.of(code.code[i]).cacheEntries;
            }
            off[n] = o;
            changed = false;
            for (int i = 0; i < n; i++) {
                Opcode op = Opcode.of(code.code[i]);
                shown[i] = shownArg(op, Opcode.arg(code.code[i]), off[i] + 2 * ext[i], off);
                int e = shown[i] > 0xFFFFFF ? 3 : shown[i] > 0xFFFF ? 2 : shown[i] > 0xFF ? 1 : 0;
                if (op.argKind == Opcode.Arg.NONE) e = 0;
                if (e != ext[i]) {
                    ext[i] = e;
                    changed = true;
                }
            }
        }
        return new int[][] {off, ext, shown};
    }

    /** Disassembles one code object (no recursion). */
    public static void renderOne(PyCode code, StringBuilder sb) {
        int n = code.code.length;
        int[][] lay = layout(code);
        int[] off = lay[0], ext = lay[1], shown = lay[2];
        Set<Integer> labels = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Opcode op = Opcode.of(code.code[i]);
            if (op.isJump()) labels.add(Opcode.arg(code.code[i]));
        }
        int[] exc = code.exceptionTable;
        for (int e = 0; e < exc.length; e += 5) labels.add(exc[e + 2]);
        // line starts: the first instruction of each run of a new (non-missing) line
        int[] starts = new int[n];
        int lastLine = Integer.MIN_VALUE;
        int maxLine = -1;
        boolean anyLine = false;
        for (int i = 0; i < n; i++) {
            int l = code.lines[i];
            starts[i] = -1;
            if (l >= 0 && l != lastLine) {
                starts[i] = l;
                lastLine = l;
                anyLine = true;
                maxLine = Math.max(maxLine, l);
            }
        }
        int linenoWidth = !anyLine ? 0 : maxLine >= 1000 ? Integer.toString(maxLine).length() : 3;
        int maxOffset = off[n] - 2;
        int offsetWidth = maxOffset >= 10000 ? Integer.toString(maxOffset).length() : 4;
        for (int i = 0; i < n; i++) {
            Opcode op = Opcode.of(code.code[i]);
            int arg = Opcode.arg(code.code[i]);
            for (int k = 0; k <= ext[i]; k++) {
                boolean first = k == 0;
                boolean prefix = k < ext[i];
                int o = off[i] + 2 * k;
                if (linenoWidth > 0 && first && starts[i] >= 0 && o > 0) sb.append('\n');
                StringBuilder line = new StringBuilder();
                if (linenoWidth > 0) {
                    line.append(first && starts[i] >= 0 ? pad(Integer.toString(starts[i]), linenoWidth)
                            : " ".repeat(linenoWidth)).append(' ');
                }
                line.append("   ").append(' ');
                line.append(first && labels.contains(i) ? ">>" : "  ").append(' ');
                line.append(pad(Integer.toString(o), offsetWidth)).append(' ');
                if (prefix) {
                    line.append(padRight("EXTENDED_ARG", OPNAME_WIDTH));
                    line.append(' ').append(pad(Integer.toString(shown[i] >>> (8 * (ext[i] - k))), OPARG_WIDTH));
                } else {
                    line.append(padRight(op.name(), OPNAME_WIDTH));
                    if (op.argKind != Opcode.Arg.NONE) {
                        line.append(' ').append(pad(Integer.toString(shown[i]), OPARG_WIDTH));
                        String rep = argRepr(code, op, arg, off);
                        if (!rep.isEmpty()) line.append(" (").append(rep).append(')');
                    }
                }
                int end = line.length();
                while (end > 0 && line.charAt(end - 1) == ' ') end--;
                sb.append(line, 0, end).append('\n');
            }
        }
        if (exc.length > 0) {
            sb.append("ExceptionTable:\n");
            for (int e = 0; e < exc.length; e += 5) {
                sb.append("  ").append(off[exc[e]]).append(" to ").append(off[exc[e + 1]] - 2).append(" -> ")
                        .append(off[exc[e + 2]]).append(" [").append(exc[e + 3]).append(']')
                        .append(exc[e + 4] != 0 ? " lasti" : "").append('\n');
            }
        }
    }

    /** The argument CPython 3.12 would encode; {@code at} is the offset of the instruction itself. */
    private static int shownArg(Opcode op, int arg, int at, int[] off) {
        if (op.argKind == Opcode.Arg.JUMP) {
            int next = at + 2 + 2 * op.cacheEntries;
            return Math.abs(off[arg] - next) / 2;
        }
        if (op.argKind == Opcode.Arg.COMPARE) return (arg << 4) | COMPARE_MASKS[arg];
        return arg;
    }

    private static String argRepr(PyCode code, Opcode op, int arg, int[] off) {
        return switch (op.argKind) {
            case CONST -> repr(code.consts[arg]);
            case NAME -> code.names[arg];
            case GLOBAL -> ((arg & 1) != 0 ? "NULL + " : "") + code.names[arg >> 1];
            case ATTR -> ((arg & 1) != 0 ? "NULL|self + " : "") + code.names[arg >> 1];
            case LOCAL, FREE -> code.localsplusNames[arg];
            case JUMP -> "to " + off[arg];
            case BINOP -> Opcode.BINARY_OPS[arg];
            case COMPARE -> Opcode.COMPARE_NAMES[arg];
            case FORMAT -> {
                String s = FORMAT_CONVERTERS[arg & 3];
                if ((arg & 4) != 0) s = s.isEmpty() ? "with format" : s + ", with format";
                yield s;
            }
            case FLAGS -> {
                StringBuilder s = new StringBuilder();
                for (int b = 0; b < MAKE_FUNCTION_FLAGS.length; b++) {
                    if ((arg & (1 << b)) != 0) {
                        if (!s.isEmpty()) s.append(", ");
                        s.append(MAKE_FUNCTION_FLAGS[b]);
                    }
                }
                yield s.toString();
            }
            case INTRINSIC -> {
                String[] names = op == Opcode.CALL_INTRINSIC_2 ? Opcode.Intrinsic2.NAMES : Opcode.Intrinsic.NAMES;
                yield arg < names.length ? names[arg] : "";
            }
            case INT, NONE -> "";
        };
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }

    private static String padRight(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    /** {@code <code object NAME at 0x..., file "F", line N>}. */
    public static String codeRepr(PyCode c) {
        return "<code object " + c.name + " at 0x" + Long.toHexString(RefCount.id(c)) + ", file \"" + c.filename
                + "\", line " + c.firstlineno + ">";
    }

    // ---- repr of constants (self-contained: the runtime's repr slots may not be filled) ------

    /** Python's repr() of a constant. */
    public static String repr(PyObject o) {
        if (o == PyNone.NONE) return "None";
        if (o == PyEllipsis.ELLIPSIS) return "Ellipsis";
        if (o instanceof PyBool b) return b.value != 0 ? "True" : "False";
        if (o instanceof PyInt i) return i.bigValue().toString();
        if (o instanceof PyFloat f) return floatRepr(f.value, true);
        if (o instanceof PyStr s) return strRepr(s.value);
        if (o instanceof PyBytes b) return bytesRepr(b.value);
        if (o instanceof PyComplex c) return complexRepr(c.real, c.imag);
        if (o instanceof PyTuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int k = 0; k < t.size(); k++) {
                if (k > 0) sb.append(", ");
                sb.append(repr(t.get(k)));
            }
            if (t.size() == 1) sb.append(',');
            return sb.append(')').toString();
        }
        if (o instanceof PyCode c) return codeRepr(c);
        return o.toString();
    }

    /** Python's float repr (shortest round-trip digits; exponent form outside [1e-4, 1e16)). */
    public static String floatRepr(double d, boolean addDotZero) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
        if (d == 0) return sign + (addDotZero ? "0.0" : "0");
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int decpt = digits.length() - bd.scale(); // value = 0.digits * 10^decpt
        StringBuilder sb = new StringBuilder(sign);
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits).append("0".repeat(decpt - digits.length()));
                if (addDotZero) sb.append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits.substring(decpt));
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits.substring(1));
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            String e = Integer.toString(Math.abs(exp));
            if (e.length() < 2) sb.append('0');
            sb.append(e);
        }
        return sb.toString();
    }

    static String complexRepr(double re, double im) {
        String ims = floatRepr(im, false);
        if (re == 0 && 1 / re > 0) return ims + "j";
        String res = floatRepr(re, false);
        String sep = ims.startsWith("-") ? "" : "+";
        return "(" + res + sep + ims + "j)";
    }

    /** Python's str repr: single quotes unless the text has ' and no ". */
    public static String strRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') sb.append('\\').appendCodePoint(cp);
            else if (cp == '\n') sb.append("\\n");
            else if (cp == '\r') sb.append("\\r");
            else if (cp == '\t') sb.append("\\t");
            else if (cp < 0x20 || cp == 0x7f) sb.append(String.format("\\x%02x", cp));
            else if (cp < 0x7f) sb.appendCodePoint(cp);
            else if (isPrintable(cp)) sb.appendCodePoint(cp);
            else if (cp <= 0xff) sb.append(String.format("\\x%02x", cp));
            else if (cp <= 0xffff) sb.append(String.format("\\u%04x", cp));
            else sb.append(String.format("\\U%08x", cp));
        });
        return sb.append(quote).toString();
    }

    /** Python's str.isprintable for one non-ASCII code point. */
    static boolean isPrintable(int cp) {
        int t = Character.getType(cp);
        return switch (t) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    static String bytesRepr(byte[] b) {
        boolean hasSingle = false, hasDouble = false;
        for (byte x : b) {
            if (x == '\'') hasSingle = true;
            if (x == '"') hasDouble = true;
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(quote);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == quote || c == '\\') sb.append('\\').append((char) c);
            else if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\x%02x", c));
            else sb.append((char) c);
        }
        return sb.append(quote).toString();
    }
}
