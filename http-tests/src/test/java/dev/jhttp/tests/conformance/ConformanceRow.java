package dev.jhttp.tests.conformance;

import java.util.List;
import java.util.Locale;

/**
 * One row of the conformance table: the bytes a peer sends, the RFC section the row comes from, and either the
 * message they must parse to ({@code expected}, one line per fact, in {@link MessageDescription}'s format) or the
 * status and violation they must be refused with. A response row also names the method of the request it answers.
 */
record ConformanceRow(String file, int line, String name, String section, byte[] bytes, List<String> expected,
                      int rejectStatus, String rejectViolation, String requestMethod) {

    boolean isValid() {
        return rejectViolation == null;
    }

    /** Whether the peer may send another message on the connection after this one. */
    boolean keepsConnection() {
        String description = String.join("\n", expected).toLowerCase(Locale.ROOT);
        boolean http10 = expected.getFirst().endsWith("HTTP/1.0");
        boolean close = description.contains("\nhdr connection: close");
        boolean keepAlive = description.contains("\nhdr connection: keep-alive");
        return isValid() && !close && (!http10 || keepAlive);
    }

    @Override
    public String toString() {
        return name + " (RFC " + section + "; " + file + ":" + line + ")";
    }
}
