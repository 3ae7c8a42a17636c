package dev.jhttp.core;

import dev.jhttp.core.syntax.Ascii;
import dev.jhttp.core.syntax.ByteScan;
import dev.jhttp.core.syntax.Prechecked;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered header section (RFC 9110 §5): names repeat, keep their wire order and spelling, and are looked
 * up case-insensitively. Values are validated when added and have surrounding whitespace removed (RFC 9110 §5.5).
 * Changes return a new instance.
 *
 * {@snippet :
 * Headers h = Headers.of("Content-Type", "text/plain", "Vary", "Accept");
 * Optional<String> type = h.first(HeaderName.CONTENT_TYPE);   // Optional[text/plain]
 * Headers more = h.with("Vary", "Origin");                     // two Vary lines now
 * }
 */
public final class Headers implements Iterable<Header> {
    private static final Headers EMPTY = new Headers(new HeaderName[0], new String[0], 0);

    private final HeaderName[] names;
    private final int size;
    /** The values, or null for a parsed section, whose values are decoded from {@link #source} when first read. */
    private final String[] values;
    /** A parsed section's field lines, each {@code name ":" OWS value OWS CRLF}; null otherwise. */
    private final byte[] source;
    /** Where each of a parsed section's values starts in {@link #source}, found when a value is first read. */
    private volatile int[] valueStarts;
    /**
     * A parsed section's values decoded so far: a request costs one copy of its field lines rather than a String per
     * field. Racing readers may both decode a value; they store equal Strings, which are safely published, so this
     * cache needs no lock (as with {@link String#hashCode()}).
     */
    private String[] decoded;

    static {
        Prechecked.install((Prechecked.HeadersFactory) Headers::new);
    }

    private Headers(HeaderName[] names, String[] values, int size) {
        this.names = names;
        this.values = values;
        this.size = size;
        this.source = null;
    }

    /** Field lines the parser checked: their values, trimmed of OWS, are decoded when first read. */
    private Headers(HeaderName[] names, int size, byte[] source) {
        this.names = names;
        this.values = null;
        this.size = size;
        this.source = source;
    }

    /** No headers. */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Headers from alternating names and values: {@code of("Host", "example.com", "Accept", "*}{@code /*")}.
     *
     * @throws IllegalArgumentException if the count is odd, a name is not a token, or a value is invalid
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate; got an odd count");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** A builder that appends fields in order. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of field lines. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The name of the field line at {@code index}, in wire order. */
    public HeaderName name(int index) {
        return names[Objects.checkIndex(index, size)];
    }

    /** The value of the field line at {@code index}, in wire order. */
    public String value(int index) {
        return valueAt(Objects.checkIndex(index, size));
    }

    /** The first value of {@code name}, if present. */
    public Optional<String> first(HeaderName name) {
        int i = indexOf(name, 0);
        return i < 0 ? Optional.empty() : Optional.of(valueAt(i));
    }

    /** The first value of {@code name}, if present; see {@link HeaderName#of(String)}. */
    public Optional<String> first(String name) {
        return first(HeaderName.of(name));
    }

    /** Every value of {@code name}, in wire order. */
    public List<String> all(HeaderName name) {
        List<String> found = new ArrayList<>(2);
        for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 1)) {
            found.add(valueAt(i));
        }
        return List.copyOf(found);
    }

    /** Every value of {@code name}, in wire order. */
    public List<String> all(String name) {
        return all(HeaderName.of(name));
    }

    /** How many field lines carry {@code name}. */
    public int count(HeaderName name) {
        int count = 0;
        for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 1)) {
            count++;
        }
        return count;
    }

    public boolean contains(HeaderName name) {
        return indexOf(name, 0) >= 0;
    }

    public boolean contains(String name) {
        return contains(HeaderName.of(name));
    }

    /**
     * Whether any value of {@code name}, read as a comma-separated list (RFC 9110 §5.6.1), holds {@code token}
     * (compared case-insensitively): {@code hasToken(CONNECTION, "close")}.
     */
    public boolean hasToken(HeaderName name, String token) {
        for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 1)) {
            for (String element : valueAt(i).split(",", -1)) {
                if (Ascii.trimWhitespace(element).equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A copy with one more field line at the end.
     *
     * @throws IllegalArgumentException if the value holds CR, LF, NUL or another control character
     */
    public Headers with(HeaderName name, String value) {
        return toBuilder().add(name, value).build();
    }

    /** A copy with one more field line at the end; see {@link #with(HeaderName, String)}. */
    public Headers with(String name, String value) {
        return with(HeaderName.of(name), value);
    }

    /**
     * A copy where {@code name} has only {@code value}: it takes the place of the first existing line of that name,
     * or goes at the end.
     *
     * @throws IllegalArgumentException if the value is invalid
     */
    public Headers withReplaced(HeaderName name, String value) {
        Builder builder = new Builder();
        boolean placed = false;
        for (int i = 0; i < size; i++) {
            if (!names[i].equals(name)) {
                builder.addValidated(names[i], valueAt(i));
            } else if (!placed) {
                builder.add(name, value);
                placed = true;
            }
        }
        return placed ? builder.build() : builder.add(name, value).build();
    }

    /** A copy where {@code name} has only {@code value}; see {@link #withReplaced(HeaderName, String)}. */
    public Headers withReplaced(String name, String value) {
        return withReplaced(HeaderName.of(name), value);
    }

    /** A copy without any line named {@code name}. */
    public Headers without(HeaderName name) {
        if (!contains(name)) {
            return this;
        }
        Builder builder = new Builder();
        for (int i = 0; i < size; i++) {
            if (!names[i].equals(name)) {
                builder.addValidated(names[i], valueAt(i));
            }
        }
        return builder.build();
    }

    /** A builder holding these lines, to add more. */
    public Builder toBuilder() {
        if (values != null) {
            return new Builder(names, values, size);
        }
        String[] all = new String[size];
        for (int i = 0; i < size; i++) {
            all[i] = valueAt(i);
        }
        return new Builder(names, all, size);
    }

    @Override
    public Iterator<Header> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Header next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                Header header = new Header(names[next], valueAt(next));
                next++;
                return header;
            }
        };
    }

    private String valueAt(int index) {
        if (values != null) {
            return values[index];
        }
        String[] cache = decoded;
        if (cache == null) {
            cache = new String[size];
            decoded = cache;
        }
        String value = cache[index];
        if (value == null) {
            value = decode(index);
            cache[index] = value;
        }
        return value;
    }

    private String decode(int index) {
        int[] starts = valueStarts;
        if (starts == null) {
            starts = findValueStarts();
            valueStarts = starts;
        }
        int start = starts[index];
        return new String(source, start, ByteScan.fieldValueEnd(source, start) - start, StandardCharsets.ISO_8859_1);
    }

    // A checked name holds no colon, so the first one on each line ends it; the value follows OWS.
    private int[] findValueStarts() {
        int[] starts = new int[size];
        int lineStart = 0;
        for (int i = 0; i < size; i++) {
            int start = ByteScan.indexOf(source, lineStart, source.length, (byte) ':') + 1;
            while (source[start] == ' ' || source[start] == '\t') {
                start++;
            }
            starts[i] = start;
            lineStart = ByteScan.indexOf(source, start, source.length, (byte) '\n') + 1;
        }
        return starts;
    }

    private int indexOf(HeaderName name, int from) {
        String lower = name.lowerCase();
        int hash = lower.hashCode();
        for (int i = from; i < size; i++) {
            String candidate = names[i].lowerCase();
            // Interned well-known names share their lower-case string, so identity usually decides; Strings cache
            // their hash, which rules out most other names without comparing bytes.
            if (candidate == lower || candidate.hashCode() == hash && candidate.equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    /** Equal when both hold the same names (case-insensitively) and values, in the same order. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Headers other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!names[i].equals(other.names[i]) || !valueAt(i).equals(other.valueAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < size; i++) {
            hash = 31 * (31 * hash + names[i].hashCode()) + valueAt(i).hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(names[i]).append(": ").append(valueAt(i));
        }
        return text.append(']').toString();
    }

    /**
     * Appends field lines in order, then {@link #build()}s an immutable {@link Headers}.
     *
     * {@snippet :
     * Headers h = Headers.builder().add("Accept", "text/html").add(HeaderName.HOST, "example.com").build();
     * }
     */
    public static final class Builder {
        private HeaderName[] names;
        private String[] values;
        private int size;
        /** Whether a Headers shares the arrays, so the next change must copy them first. */
        private boolean handedOver;

        private Builder() {
            names = new HeaderName[8];
            values = new String[8];
        }

        /** Starts from the lines of an existing Headers, sharing its arrays until the first change. */
        private Builder(HeaderName[] names, String[] values, int size) {
            this.names = names;
            this.values = values;
            this.size = size;
            this.handedOver = true;
        }

        /**
         * Appends a field line; the value loses surrounding spaces and tabs.
         *
         * @throws IllegalArgumentException if the value holds CR, LF, NUL, another control character other than
         *     HTAB, or a character above U+00FF (field values are octets, RFC 9110 §5.5)
         */
        public Builder add(HeaderName name, String value) {
            Objects.requireNonNull(name, "name");
            return addValidated(name, validValue(Ascii.trimWhitespace(Objects.requireNonNull(value, "value"))));
        }

        /** Appends a field line; see {@link #add(HeaderName, String)}. */
        public Builder add(String name, String value) {
            return add(HeaderName.of(name), value);
        }

        /** Appends every field line of {@code fields}, in order. */
        public Builder addAll(Headers fields) {
            for (int i = 0; i < fields.size; i++) {
                addValidated(fields.names[i], fields.valueAt(i));
            }
            return this;
        }

        private Builder addValidated(HeaderName name, String value) {
            if (size == names.length || handedOver) {
                names = Arrays.copyOf(names, Math.max(size * 2, 8));
                values = Arrays.copyOf(values, names.length);
                handedOver = false;
            }
            names[size] = name;
            values[size] = value;
            size++;
            return this;
        }

        public Headers build() {
            if (size == 0) {
                return EMPTY;
            }
            handedOver = true;   // no copy: the Headers reads only its first size entries
            return new Headers(names, values, size);
        }

        private static String validValue(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c > 0xFF || (c != '\t' && c != ' ' && !Ascii.isFieldVisible(c))) {
                    throw new IllegalArgumentException(
                            "invalid character U+%04X in header value at index %d".formatted((int) c, i));
                }
            }
            return value;
        }
    }
}
