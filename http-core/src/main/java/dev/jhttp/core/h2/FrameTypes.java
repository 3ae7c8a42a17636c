package dev.jhttp.core.h2;

/** Frame type codes, flags and field layout of RFC 9113 §4.1 and §6, shared by the reader and the writer. */
final class FrameTypes {
    static final int HEADER_LENGTH = 9;
    static final int MIN_MAX_FRAME_SIZE = 1 << 14;
    static final int MAX_MAX_FRAME_SIZE = (1 << 24) - 1;
    static final byte[] NO_BYTES = new byte[0];

    static final int DATA = 0x0;
    static final int HEADERS = 0x1;
    static final int PRIORITY = 0x2;
    static final int RST_STREAM = 0x3;
    static final int SETTINGS = 0x4;
    static final int PUSH_PROMISE = 0x5;
    static final int PING = 0x6;
    static final int GOAWAY = 0x7;
    static final int WINDOW_UPDATE = 0x8;
    static final int CONTINUATION = 0x9;

    static final int FLAG_END_STREAM = 0x1;
    static final int FLAG_ACK = 0x1;
    static final int FLAG_END_HEADERS = 0x4;
    static final int FLAG_PADDED = 0x8;
    static final int FLAG_PRIORITY = 0x20;

    private FrameTypes() {
    }

    static boolean isKnown(int type) {
        return type <= CONTINUATION;
    }

    /** A 31-bit value whose top (reserved or exclusive) bit is dropped. */
    static int int31(byte[] bytes, int at) {
        return (int) (uint32(bytes, at) & 0x7fff_ffffL);
    }

    static long uint32(byte[] bytes, int at) {
        return (bytes[at] & 0xffL) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
    }

    static long int64(byte[] bytes, int at) {
        return uint32(bytes, at) << 32 | uint32(bytes, at + 4);
    }
}
