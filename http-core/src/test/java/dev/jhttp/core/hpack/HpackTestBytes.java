package dev.jhttp.core.hpack;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Field blocks written in hex, as RFC 7541 prints them. */
final class HpackTestBytes {
    private HpackTestBytes() {
    }

    static ByteBuffer hex(String digits) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(digits.replace(" ", "")));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
