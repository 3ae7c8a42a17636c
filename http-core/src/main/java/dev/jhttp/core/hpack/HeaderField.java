package dev.jhttp.core.hpack;

import java.util.Objects;

/**
 * One field line as HPACK carries it: a name (lowercase in HTTP/2, pseudo-header names start with {@code :}) and a
 * value, both octet strings held as Latin-1 text so every byte survives. A sensitive field is never put in a
 * compression table, by this encoder or by any intermediary that re-encodes it (RFC 7541 §6.2.3, §7.1.3).
 *
 * {@snippet :
 * HeaderField method = HeaderField.of(":method", "GET");
 * HeaderField secret = HeaderField.sensitive("authorization", "Bearer abc");
 * long counted = method.size();   // 32 + 7 + 3, as SETTINGS_MAX_HEADER_LIST_SIZE counts it
 * }
 *
 * @param sensitive whether the field must never be indexed
 */
public record HeaderField(String name, String value, boolean sensitive) {
    /** The per-field overhead of RFC 7541 §4.1, also used by SETTINGS_MAX_HEADER_LIST_SIZE (RFC 9113 §6.5.2). */
    public static final int OVERHEAD = 32;

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** A field that may be indexed. */
    public static HeaderField of(String name, String value) {
        return new HeaderField(name, value, false);
    }

    /** A field that is never indexed, such as a credential or a short cookie (RFC 7541 §7.1.3). */
    public static HeaderField sensitive(String name, String value) {
        return new HeaderField(name, value, true);
    }

    /** Its size in a table and in a header list: the octets of name and value plus {@link #OVERHEAD}. */
    public long size() {
        return (long) name.length() + value.length() + OVERHEAD;
    }

    @Override
    public String toString() {
        return name + ": " + value + (sensitive ? " (never indexed)" : "");
    }
}
