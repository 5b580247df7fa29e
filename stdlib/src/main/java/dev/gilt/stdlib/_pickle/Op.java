package dev.gilt.stdlib._pickle;

/**
 * The pickle opcodes (CPython's Lib/pickle.py names and byte values; the format is public and
 * fixed, so data pickled by Gilt loads in CPython and back). Grouped by the protocol that
 * introduced them.
 */
final class Op {
    private Op() {}

    // Protocol 0 and 1.
    static final byte MARK = '(', STOP = '.', POP = '0', POP_MARK = '1', DUP = '2', FLOAT = 'F', INT = 'I',
            BININT = 'J', BININT1 = 'K', LONG = 'L', BININT2 = 'M', NONE = 'N', PERSID = 'P', BINPERSID = 'Q',
            REDUCE = 'R', STRING = 'S', BINSTRING = 'T', SHORT_BINSTRING = 'U', UNICODE = 'V', BINUNICODE = 'X',
            APPEND = 'a', BUILD = 'b', GLOBAL = 'c', DICT = 'd', EMPTY_DICT = '}', APPENDS = 'e', GET = 'g',
            BINGET = 'h', INST = 'i', LONG_BINGET = 'j', LIST = 'l', EMPTY_LIST = ']', OBJ = 'o', PUT = 'p',
            BINPUT = 'q', LONG_BINPUT = 'r', SETITEM = 's', TUPLE = 't', EMPTY_TUPLE = ')', SETITEMS = 'u',
            BINFLOAT = 'G';
    // Protocol 2.
    static final byte PROTO = (byte) 0x80, NEWOBJ = (byte) 0x81, EXT1 = (byte) 0x82, EXT2 = (byte) 0x83,
            EXT4 = (byte) 0x84, TUPLE1 = (byte) 0x85, TUPLE2 = (byte) 0x86, TUPLE3 = (byte) 0x87,
            NEWTRUE = (byte) 0x88, NEWFALSE = (byte) 0x89, LONG1 = (byte) 0x8a, LONG4 = (byte) 0x8b;
    // Protocol 3.
    static final byte BINBYTES = 'B', SHORT_BINBYTES = 'C';
    // Protocol 4.
    static final byte SHORT_BINUNICODE = (byte) 0x8c, BINUNICODE8 = (byte) 0x8d, BINBYTES8 = (byte) 0x8e,
            EMPTY_SET = (byte) 0x8f, ADDITEMS = (byte) 0x90, FROZENSET = (byte) 0x91, NEWOBJ_EX = (byte) 0x92,
            STACK_GLOBAL = (byte) 0x93, MEMOIZE = (byte) 0x94, FRAME = (byte) 0x95;
    // Protocol 5.
    static final byte BYTEARRAY8 = (byte) 0x96, NEXT_BUFFER = (byte) 0x97, READONLY_BUFFER = (byte) 0x98;

    static final int HIGHEST_PROTOCOL = 5;
    static final int DEFAULT_PROTOCOL = 4;
    /** Items per APPENDS / SETITEMS / ADDITEMS batch. */
    static final int BATCHSIZE = 1000;
    /** Frames are cut once they reach this size (at the start of the next save). */
    static final int FRAME_SIZE_TARGET = 64 * 1024;
    /** Frames smaller than this are written without a FRAME header. */
    static final int FRAME_SIZE_MIN = 4;
    static final int FRAME_HEADER_SIZE = 9;
}
