package dev.jhttp.core.hpack;

import java.util.HashMap;
import java.util.Map;

/** The 61 predefined fields of RFC 7541 Appendix A, indexed from 1. */
final class StaticTable {
    static final int LENGTH = 61;

    private static final HeaderField[] ENTRIES = {
            new HeaderField(":authority", "", false),
            new HeaderField(":method", "GET", false),
            new HeaderField(":method", "POST", false),
            new HeaderField(":path", "/", false),
            new HeaderField(":path", "/index.html", false),
            new HeaderField(":scheme", "http", false),
            new HeaderField(":scheme", "https", false),
            new HeaderField(":status", "200", false),
            new HeaderField(":status", "204", false),
            new HeaderField(":status", "206", false),
            new HeaderField(":status", "304", false),
            new HeaderField(":status", "400", false),
            new HeaderField(":status", "404", false),
            new HeaderField(":status", "500", false),
            new HeaderField("accept-charset", "", false),
            new HeaderField("accept-encoding", "gzip, deflate", false),
            new HeaderField("accept-language", "", false),
            new HeaderField("accept-ranges", "", false),
            new HeaderField("accept", "", false),
            new HeaderField("access-control-allow-origin", "", false),
            new HeaderField("age", "", false),
            new HeaderField("allow", "", false),
            new HeaderField("authorization", "", false),
            new HeaderField("cache-control", "", false),
            new HeaderField("content-disposition", "", false),
            new HeaderField("content-encoding", "", false),
            new HeaderField("content-language", "", false),
            new HeaderField("content-length", "", false),
            new HeaderField("content-location", "", false),
            new HeaderField("content-range", "", false),
            new HeaderField("content-type", "", false),
            new HeaderField("cookie", "", false),
            new HeaderField("date", "", false),
            new HeaderField("etag", "", false),
            new HeaderField("expect", "", false),
            new HeaderField("expires", "", false),
            new HeaderField("from", "", false),
            new HeaderField("host", "", false),
            new HeaderField("if-match", "", false),
            new HeaderField("if-modified-since", "", false),
            new HeaderField("if-none-match", "", false),
            new HeaderField("if-range", "", false),
            new HeaderField("if-unmodified-since", "", false),
            new HeaderField("last-modified", "", false),
            new HeaderField("link", "", false),
            new HeaderField("location", "", false),
            new HeaderField("max-forwards", "", false),
            new HeaderField("proxy-authenticate", "", false),
            new HeaderField("proxy-authorization", "", false),
            new HeaderField("range", "", false),
            new HeaderField("referer", "", false),
            new HeaderField("refresh", "", false),
            new HeaderField("retry-after", "", false),
            new HeaderField("server", "", false),
            new HeaderField("set-cookie", "", false),
            new HeaderField("strict-transport-security", "", false),
            new HeaderField("transfer-encoding", "", false),
            new HeaderField("user-agent", "", false),
            new HeaderField("vary", "", false),
            new HeaderField("via", "", false),
            new HeaderField("www-authenticate", "", false)
    };

    /** Name, then value, to index; for the encoder. The first index of a name is kept for name-only matches. */
    private static final Map<String, Map<String, Integer>> INDEX = new HashMap<>();
    private static final Map<String, Integer> FIRST_INDEX_OF_NAME = new HashMap<>();

    static {
        for (int i = ENTRIES.length; i >= 1; i--) {
            HeaderField field = ENTRIES[i - 1];
            INDEX.computeIfAbsent(field.name(), name -> new HashMap<>()).put(field.value(), i);
            FIRST_INDEX_OF_NAME.put(field.name(), i);
        }
    }

    private StaticTable() {
    }

    /** The entry at {@code index}, from 1 to {@link #LENGTH}. */
    static HeaderField get(int index) {
        return ENTRIES[index - 1];
    }

    /** The index of the entry with this name and value, or 0. */
    static int indexOf(String name, String value) {
        Map<String, Integer> values = INDEX.get(name);
        return values == null ? 0 : values.getOrDefault(value, 0);
    }

    /** The index of an entry with this name, or 0. */
    static int indexOfName(String name) {
        return FIRST_INDEX_OF_NAME.getOrDefault(name, 0);
    }
}
