package dev.gilt.runtime.object.text;

/**
 * Character properties with Python's definitions (Objects/unicodectype.c), approximated from
 * Java's Unicode tables where Java lacks the exact property (Numeric_Type, for isdigit). All take
 * code points.
 */
public final class Unicode {
    private Unicode() {}

    /** Py_UNICODE_ISSPACE: what str.split(), str.strip(), int() and float() treat as whitespace. */
    public static boolean isSpace(int c) {
        if (c < 128) return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028
                || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    /** Line boundaries of str.splitlines(). */
    public static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85
                || c == 0x2028 || c == 0x2029;
    }

    /** Strips Python whitespace from both ends. */
    public static String strip(String s) {
        int a = 0, b = s.length();
        while (a < b && isSpace(s.charAt(a))) a++;
        while (b > a && isSpace(s.charAt(b - 1))) b--;
        return s.substring(a, b);
    }

    /** The value of a decimal digit (category Nd), or -1. */
    public static int decimalValue(int c) {
        if (c < 128) return c >= '0' && c <= '9' ? c - '0' : -1;
        if (Character.getType(c) != Character.DECIMAL_DIGIT_NUMBER) return -1;
        return Character.digit(c, 10);
    }

    public static boolean isDecimal(int c) {
        return decimalValue(c) >= 0;
    }

    /** str.isdigit: decimals plus other digits 0..9 (superscripts, circled digits). */
    public static boolean isDigit(int c) {
        if (c < 128) return c >= '0' && c <= '9';
        int t = Character.getType(c);
        if (t == Character.DECIMAL_DIGIT_NUMBER) return true;
        if (t != Character.OTHER_NUMBER) return false;
        int v = Character.getNumericValue(c);
        return v >= 0 && v <= 9;
    }

    /** str.isnumeric: any character with a numeric value (digits, fractions, numerals, CJK numbers). */
    public static boolean isNumeric(int c) {
        if (c < 128) return c >= '0' && c <= '9';
        int t = Character.getType(c);
        if (t == Character.DECIMAL_DIGIT_NUMBER || t == Character.OTHER_NUMBER || t == Character.LETTER_NUMBER) return true;
        return switch (c) {
            // CJK ideographs with a Numeric_Type of Numeric (Unihan kPrimaryNumeric and friends)
            case 0x3007, 0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d, 0x5341, 0x767e,
                    0x5343, 0x4e07, 0x5104, 0x5146, 0x96f6, 0x58f9, 0x8cb3, 0x53c3, 0x8086, 0x4f0d, 0x9678, 0x67d2,
                    0x634c, 0x7396, 0x62fe, 0x4f70, 0x4edf, 0x5169, 0x5eff, 0x5345, 0x842c, 0x4ebf, 0x5f0e, 0x5f10,
                    0x5f11, 0x8d30, 0x53c1, 0x4e24 -> true;
            default -> false;
        };
    }

    /** str.isalpha: categories Lu, Ll, Lt, Lm, Lo. */
    public static boolean isAlpha(int c) {
        if (c < 128) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        int t = Character.getType(c);
        return t == Character.UPPERCASE_LETTER || t == Character.LOWERCASE_LETTER || t == Character.TITLECASE_LETTER
                || t == Character.MODIFIER_LETTER || t == Character.OTHER_LETTER;
    }

    public static boolean isAlnum(int c) {
        return isAlpha(c) || isDecimal(c) || isDigit(c) || isNumeric(c);
    }

    public static boolean isUpper(int c) {
        return Character.isUpperCase(c);
    }

    public static boolean isLower(int c) {
        return Character.isLowerCase(c);
    }

    public static boolean isTitle(int c) {
        return Character.isTitleCase(c);
    }

    /** Cased: has an upper, lower or title case property. */
    public static boolean isCased(int c) {
        return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
    }

    /**
     * str.isprintable and repr's test: not printable are the categories Cc, Cf, Cs, Co, Cn, Zl,
     * Zp and Zs (except the ASCII space). Java's tables may be a Unicode version ahead of Python's.
     */
    public static boolean isPrintable(int c) {
        if (c < 128) return c >= 0x20 && c < 0x7f;
        int t = Character.getType(c);
        return switch (t) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** XID_Start or '_' (the first character of an identifier). */
    public static boolean isIdentifierStart(int c) {
        if (c < 128) return c == '_' || isAlpha(c);
        return Character.isUnicodeIdentifierStart(c) || Character.getType(c) == Character.LETTER_NUMBER;
    }

    /** XID_Continue. */
    public static boolean isIdentifierPart(int c) {
        if (c < 128) return c == '_' || isAlpha(c) || (c >= '0' && c <= '9');
        return Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }

    public static boolean isIdentifier(String s) {
        if (s.isEmpty()) return false;
        int c = s.codePointAt(0);
        if (!isIdentifierStart(c)) return false;
        for (int i = Character.charCount(c); i < s.length(); ) {
            c = s.codePointAt(i);
            if (!isIdentifierPart(c)) return false;
            i += Character.charCount(c);
        }
        return true;
    }
}
