package dev.jhttp.server.internal;

import dev.jhttp.core.h2.H2Error;
import dev.jhttp.core.h2.H2Violation;

/**
 * Counts the HTTP/2 frames that cost the server work and give it none (RFC 9113 §10.5): control frames (PING,
 * SETTINGS, PRIORITY, DATA that is empty and does not end its stream, WINDOW_UPDATE that opens window the server has
 * not used or names a closed stream) and streams the client resets. Either kind past its budget within one second
 * ends the connection with ENHANCE_YOUR_CALM. Honest clients stay far below: a browser sends a few control frames a
 * second, resets a stream when a page is left, and opens window as the server's DATA uses it.
 */
final class FloodGuard {
    /** Control frames allowed in one second (CVE-2019-9512 ping flood, CVE-2019-9515 settings flood, and kin). */
    static final int CONTROL_PER_SECOND = 1000;
    /** Client resets allowed in one second (CVE-2023-44487, rapid reset). */
    static final int RESETS_PER_SECOND = 200;

    private final Budget controls = new Budget(CONTROL_PER_SECOND, "control frames");
    private final Budget resets = new Budget(RESETS_PER_SECOND, "stream resets");

    /** Counts a control frame; the error once they come too fast, else null. */
    H2Error control(long offset) {
        return controls.spend(offset);
    }

    /** Counts a stream reset by the client; the error once they come too fast, else null. */
    H2Error reset(long offset) {
        return resets.spend(offset);
    }

    /** So many events a second; the count starts again a second after the first of a run. */
    private static final class Budget {
        private static final long SECOND = 1_000_000_000L;
        private final int perSecond;
        private final String what;
        private long start = System.nanoTime();
        private int spent;

        Budget(int perSecond, String what) {
            this.perSecond = perSecond;
            this.what = what;
        }

        H2Error spend(long offset) {
            long now = System.nanoTime();
            if (now - start > SECOND) {
                start = now;
                spent = 0;
            }
            return ++spent > perSecond
                    ? new H2Error(H2Violation.FLOOD, 0, "more than " + perSecond + " " + what + " in 1 s", offset)
                    : null;
        }
    }
}
