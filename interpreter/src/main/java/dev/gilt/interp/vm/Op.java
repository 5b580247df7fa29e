package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.Opcode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The opcode numbers as compile-time constants, so that the eval loop can {@code switch} on the
 * instruction word itself (one load and a jump) instead of on the {@link Opcode} enum (which costs
 * three dependent loads per instruction: enum array, ordinal, switch map). {@link Opcode} stays the
 * single source of truth: {@link #verify} (run when the loop's class initialises, and by a unit
 * test) checks that every constant here is named after and equal to an Opcode's ordinal, and that
 * every Opcode has one, so the two cannot drift apart silently.
 */
final class Op {
    private Op() {}

    static final int NOP = 0;
    static final int RESUME = 1;
    static final int POP_TOP = 2;
    static final int PUSH_NULL = 3;
    static final int END_FOR = 4;
    static final int END_SEND = 5;
    static final int LOAD_CONST = 6;
    static final int RETURN_VALUE = 7;
    static final int RETURN_CONST = 8;
    static final int COPY = 9;
    static final int SWAP = 10;
    static final int UNARY_NEGATIVE = 11;
    static final int UNARY_NOT = 12;
    static final int UNARY_INVERT = 13;
    static final int BINARY_OP = 14;
    static final int BINARY_SUBSCR = 15;
    static final int STORE_SUBSCR = 16;
    static final int DELETE_SUBSCR = 17;
    static final int BINARY_SLICE = 18;
    static final int STORE_SLICE = 19;
    static final int BUILD_SLICE = 20;
    static final int COMPARE_OP = 21;
    static final int IS_OP = 22;
    static final int CONTAINS_OP = 23;
    static final int GET_ITER = 24;
    static final int FOR_ITER = 25;
    static final int GET_LEN = 26;
    static final int STORE_NAME = 27;
    static final int DELETE_NAME = 28;
    static final int LOAD_NAME = 29;
    static final int STORE_GLOBAL = 30;
    static final int DELETE_GLOBAL = 31;
    static final int LOAD_GLOBAL = 32;
    static final int LOAD_FAST = 33;
    static final int STORE_FAST = 34;
    static final int DELETE_FAST = 35;
    static final int MAKE_CELL = 36;
    static final int COPY_FREE_VARS = 37;
    static final int LOAD_CLOSURE = 38;
    static final int LOAD_DEREF = 39;
    static final int LOAD_CLASSDEREF = 40;
    static final int STORE_DEREF = 41;
    static final int DELETE_DEREF = 42;
    static final int LOAD_ATTR = 43;
    static final int STORE_ATTR = 44;
    static final int DELETE_ATTR = 45;
    static final int BUILD_TUPLE = 46;
    static final int BUILD_LIST = 47;
    static final int BUILD_SET = 48;
    static final int BUILD_MAP = 49;
    static final int BUILD_CONST_KEY_MAP = 50;
    static final int BUILD_STRING = 51;
    static final int LIST_APPEND = 52;
    static final int SET_ADD = 53;
    static final int MAP_ADD = 54;
    static final int LIST_EXTEND = 55;
    static final int SET_UPDATE = 56;
    static final int DICT_UPDATE = 57;
    static final int DICT_MERGE = 58;
    static final int FORMAT_VALUE = 59;
    static final int UNPACK_SEQUENCE = 60;
    static final int UNPACK_EX = 61;
    static final int JUMP_FORWARD = 62;
    static final int JUMP_BACKWARD = 63;
    static final int JUMP_BACKWARD_NO_INTERRUPT = 64;
    static final int POP_JUMP_IF_FALSE = 65;
    static final int POP_JUMP_IF_TRUE = 66;
    static final int POP_JUMP_IF_NONE = 67;
    static final int POP_JUMP_IF_NOT_NONE = 68;
    static final int KW_NAMES = 69;
    static final int CALL = 70;
    static final int CALL_FUNCTION_EX = 71;
    static final int CALL_INTRINSIC_1 = 72;
    static final int MAKE_FUNCTION = 73;
    static final int LOAD_BUILD_CLASS = 74;
    static final int SETUP_ANNOTATIONS = 75;
    static final int IMPORT_NAME = 76;
    static final int IMPORT_FROM = 77;
    static final int RAISE_VARARGS = 78;
    static final int LOAD_ASSERTION_ERROR = 79;
    static final int PUSH_EXC_INFO = 80;
    static final int POP_EXCEPT = 81;
    static final int CHECK_EXC_MATCH = 82;
    static final int RERAISE = 83;
    static final int WITH_EXCEPT_START = 84;
    static final int BEFORE_WITH = 85;
    static final int CLEANUP_THROW = 86;
    static final int RETURN_GENERATOR = 87;
    static final int YIELD_VALUE = 88;
    static final int SEND = 89;
    static final int GET_YIELD_FROM_ITER = 90;
    static final int GET_AWAITABLE = 91;
    static final int GET_AITER = 92;
    static final int GET_ANEXT = 93;
    static final int END_ASYNC_FOR = 94;
    static final int BEFORE_ASYNC_WITH = 95;
    static final int MATCH_MAPPING = 96;
    static final int MATCH_SEQUENCE = 97;
    static final int MATCH_KEYS = 98;
    static final int MATCH_CLASS = 99;
    static final int CHECK_EG_MATCH = 100;
    static final int CALL_INTRINSIC_2 = 101;

    /** Throws if this table and {@link Opcode} disagree. */
    static void verify() {
        Opcode[] all = Opcode.values();
        int seen = 0;
        for (Field f : Op.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) continue;
            Opcode op;
            try {
                op = Opcode.valueOf(f.getName());
                if (f.getInt(null) != op.ordinal()) {
                    throw new IllegalStateException("Op." + f.getName() + " is " + f.getInt(null) + " but Opcode."
                            + op + " has ordinal " + op.ordinal());
                }
            } catch (IllegalArgumentException | IllegalAccessException e) {
                throw new IllegalStateException("Op." + f.getName() + " names no Opcode", e);
            }
            seen++;
        }
        if (seen != all.length) {
            throw new IllegalStateException("Op has " + seen + " constants for " + all.length + " opcodes");
        }
    }
}
