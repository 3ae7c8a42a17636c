package dev.jhttp.core.h2;

/**
 * One parameter of a SETTINGS frame (RFC 9113 §6.5.1): a 16-bit identifier and a 32-bit value. Identifiers this
 * library does not know are kept, so a receiver can ignore them as §6.5.2 requires.
 *
 * {@snippet :
 * Setting streams = new Setting(Setting.MAX_CONCURRENT_STREAMS, 100);
 * Setting window = new Setting(Setting.INITIAL_WINDOW_SIZE, 1 << 20);
 * }
 */
public record Setting(int id, long value) {
    public static final int HEADER_TABLE_SIZE = 0x1;
    public static final int ENABLE_PUSH = 0x2;
    public static final int MAX_CONCURRENT_STREAMS = 0x3;
    public static final int INITIAL_WINDOW_SIZE = 0x4;
    public static final int MAX_FRAME_SIZE = 0x5;
    public static final int MAX_HEADER_LIST_SIZE = 0x6;

    /**
     * @throws IllegalArgumentException if the identifier is not 16 bits or the value not 32 bits, unsigned
     */
    public Setting {
        if (id < 0 || id > 0xffff) {
            throw new IllegalArgumentException("setting identifier not 16 bits: " + id);
        }
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("setting value not 32 bits: " + value);
        }
    }
}
