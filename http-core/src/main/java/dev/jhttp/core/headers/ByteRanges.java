package dev.jhttp.core.headers;

import dev.jhttp.core.syntax.Ascii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Range: bytes=...} header (RFC 9110 §14.1.2), resolved against a representation's length into
 * satisfiable, sorted, coalesced ranges. Overlapping and adjacent ranges merge, so a request cannot make a server
 * send the same bytes many times over.
 *
 * {@snippet :
 * Optional<ByteRanges.Resolved> r = ByteRanges.resolve("bytes=0-99, -100", 10_000);
 * // two ranges: 0-99 and 9900-9999
 * }
 */
public final class ByteRanges {
    /** One inclusive byte range within a representation. */
    public record Range(long first, long last) {
        public long length() {
            return last - first + 1;
        }

        /** The {@code Content-Range} value for this range of a {@code total}-byte representation. */
        public String contentRange(long total) {
            return "bytes " + first + "-" + last + "/" + total;
        }
    }

    /**
     * The outcome of resolving a Range header.
     *
     * @param ranges the satisfiable ranges, sorted and coalesced; empty when none is satisfiable (answer 416)
     */
    public record Resolved(List<Range> ranges) {
        public Resolved {
            ranges = List.copyOf(ranges);
        }

        public boolean satisfiable() {
            return !ranges.isEmpty();
        }
    }

    private ByteRanges() {
    }

    /**
     * Resolves {@code header} against a representation of {@code length} bytes. Empty when the header is not a valid
     * bytes range set (the server then ignores it and sends the whole representation, RFC 9110 §14.2) or names more
     * than {@code maxRanges} ranges.
     */
    public static Optional<Resolved> resolve(String header, long length, int maxRanges) {
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return Optional.empty();
        }
        String[] specs = value.substring(6).split(",", -1);
        if (specs.length > maxRanges) {
            return Optional.empty();
        }
        List<Range> ranges = new ArrayList<>();
        for (String spec : specs) {
            String text = Ascii.trimWhitespace(spec);
            int dash = text.indexOf('-');
            if (text.isEmpty() || dash < 0) {
                return Optional.empty();
            }
            long first = number(text.substring(0, dash));
            long last = number(text.substring(dash + 1));
            if (dash == 0) {                       // suffix-range: the last N bytes
                if (last < 0) {
                    return Optional.empty();
                }
                if (last > 0 && length > 0) {
                    ranges.add(new Range(Math.max(0, length - last), length - 1));
                }
                continue;
            }
            if (first < 0 || (dash < text.length() - 1 && (last < 0 || last < first))) {
                return Optional.empty();
            }
            if (first < length) {                  // a range starting past the end is unsatisfiable
                long end = dash == text.length() - 1 ? length - 1 : Math.min(last, length - 1);
                ranges.add(new Range(first, end));
            }
        }
        return Optional.of(new Resolved(coalesce(ranges)));
    }

    /** {@link #resolve(String, long, int)} allowing up to 16 ranges. */
    public static Optional<Resolved> resolve(String header, long length) {
        return resolve(header, length, 16);
    }

    private static List<Range> coalesce(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::first));
        List<Range> merged = new ArrayList<>();
        for (Range range : sorted) {
            Range previous = merged.isEmpty() ? null : merged.getLast();
            if (previous != null && range.first() <= previous.last() + 1) {
                merged.set(merged.size() - 1, new Range(previous.first(), Math.max(previous.last(), range.last())));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    // 1*DIGIT, at most 18 digits so it fits a long; -1 otherwise.
    private static long number(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Ascii.isDigit(text.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(text);
    }
}
