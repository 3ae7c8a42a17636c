package dev.jhttp.core.forms;

/**
 * Checks octets one at a time for well-formed UTF-8 (RFC 3629 §4): no overlong forms, no surrogates, nothing past
 * U+10FFFF, no sequence cut short. Incremental, so a reader can name the octet at which text stopped being UTF-8.
 */
final class Utf8Check {
    /** Continuation octets still owed by the sequence in progress. */
    private int owed;
    /** The range the next continuation octet must fall in; narrower than 80..BF only right after some leads. */
    private int low = 0x80;
    private int high = 0xbf;

    /** Takes the next octet; false if it cannot continue well-formed UTF-8. */
    boolean accept(int octet) {
        if (owed > 0) {
            if (octet < low || octet > high) {
                return false;
            }
            owed--;
            low = 0x80;
            high = 0xbf;
            return true;
        }
        if (octet < 0x80) {
            return true;
        }
        if (octet >= 0xc2 && octet <= 0xdf) {
            owed = 1;
        } else if (octet >= 0xe0 && octet <= 0xef) {
            owed = 2;
            low = octet == 0xe0 ? 0xa0 : 0x80;   // E0 80..9F would be overlong
            high = octet == 0xed ? 0x9f : 0xbf;  // ED A0..BF would be a surrogate
        } else if (octet >= 0xf0 && octet <= 0xf4) {
            owed = 3;
            low = octet == 0xf0 ? 0x90 : 0x80;   // F0 80..8F would be overlong
            high = octet == 0xf4 ? 0x8f : 0xbf;  // F4 90.. would pass U+10FFFF
        } else {
            return false;   // a stray continuation, C0, C1 or F5..FF
        }
        return true;
    }

    /** Whether the text may end here: no sequence is left unfinished. */
    boolean complete() {
        return owed == 0;
    }

    void reset() {
        owed = 0;
        low = 0x80;
        high = 0xbf;
    }
}
