package dev.weft.http.internal.websocket;

/** The frame opcodes RFC 6455 defines; the others are reserved and refused with 1002. */
enum Opcode {
    CONTINUATION(0x0),
    TEXT(0x1),
    BINARY(0x2),
    CLOSE(0x8),
    PING(0x9),
    PONG(0xA);

    private static final Opcode[] BY_CODE = new Opcode[16];

    static {
        for (Opcode opcode : values()) {
            BY_CODE[opcode.code] = opcode;
        }
    }

    final int code;

    Opcode(int code) {
        this.code = code;
    }

    /** The opcode with this 4-bit code, or null for a reserved one. */
    static Opcode of(int code) {
        return BY_CODE[code & 0xF];
    }

    /** Whether this is a control frame's opcode (close, ping, pong). */
    boolean isControl() {
        return code >= 0x8;
    }
}
