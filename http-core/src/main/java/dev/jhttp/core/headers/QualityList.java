package dev.jhttp.core.headers;

import dev.jhttp.core.syntax.Ascii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A list of values with quality weights (RFC 9110 §12.4.2), as in {@code Accept}, {@code Accept-Encoding} and
 * {@code Accept-Language}. Parsing is lenient in the way negotiation should be: an element that cannot be read is
 * skipped, never fatal. Media ranges match with their wildcards ({@code text/*}, {@code *}{@code /*}).
 *
 * {@snippet :
 * QualityList accept = QualityList.parse("text/html, application/json;q=0.9, image/png;q=0.1");
 * double html = accept.qualityOfMediaType("text/html");                 // 1.0
 * Optional<String> best = accept.bestMediaType(List.of("text/plain", "application/json"));  // application/json
 * }
 */
public final class QualityList {
    /** One element: the value (lower-cased, parameters other than q dropped) and its weight from 0 to 1. */
    public record Entry(String value, double quality) {
    }

    private final List<Entry> entries;

    private QualityList(List<Entry> entries) {
        this.entries = entries;
    }

    /** Parses a header value; {@code null} or blank gives the empty list. */
    public static QualityList parse(String header) {
        List<Entry> entries = new ArrayList<>();
        if (header != null) {
            for (String element : header.split(",")) {
                String[] parts = element.split(";");
                String value = Ascii.trimWhitespace(parts[0]).toLowerCase(Locale.ROOT);
                if (value.isEmpty()) {
                    continue;
                }
                double quality = 1.0;
                for (int i = 1; i < parts.length; i++) {
                    String parameter = Ascii.trimWhitespace(parts[i]);
                    if (parameter.length() > 2 && (parameter.charAt(0) | 0x20) == 'q' && parameter.charAt(1) == '=') {
                        quality = weight(parameter.substring(2));
                    }
                }
                if (quality >= 0) {
                    entries.add(new Entry(value, quality));
                }
            }
        }
        return new QualityList(List.copyOf(entries));
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The weight the list gives {@code mediaType}: from the most specific matching range ({@code type/subtype},
     * then {@code type/*}, then {@code *}{@code /*}); 0 if none matches.
     */
    public double qualityOfMediaType(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        String anySubtype = slash < 0 ? type : type.substring(0, slash) + "/*";
        double exact = -1;
        double partial = -1;
        double any = -1;
        for (Entry entry : entries) {
            if (entry.value().equals(type)) {
                exact = Math.max(exact, entry.quality());
            } else if (entry.value().equals(anySubtype)) {
                partial = Math.max(partial, entry.quality());
            } else if (entry.value().equals("*/*")) {
                any = Math.max(any, entry.quality());
            }
        }
        return exact >= 0 ? exact : partial >= 0 ? partial : Math.max(any, 0);
    }

    /**
     * The weight the list gives a plain token such as a content coding ({@code gzip}) or a language: its own entry,
     * else the {@code *} entry, else 0 (RFC 9110 §12.5.3).
     */
    public double qualityOf(String token) {
        String value = token.toLowerCase(Locale.ROOT);
        double any = 0;
        for (Entry entry : entries) {
            if (entry.value().equals(value)) {
                return entry.quality();
            }
            if (entry.value().equals("*")) {
                any = entry.quality();
            }
        }
        return any;
    }

    /**
     * The offered media type the list weighs highest, ties going to the earlier offer; empty if it accepts none.
     * An empty list accepts anything, so the first offer wins.
     */
    public Optional<String> bestMediaType(List<String> offered) {
        if (entries.isEmpty()) {
            return offered.stream().findFirst();
        }
        String best = null;
        double bestQuality = 0;
        for (String candidate : offered) {
            double quality = qualityOfMediaType(candidate);
            if (quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); -1 when unreadable, so the entry is dropped.
    private static double weight(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        try {
            double value = Double.parseDouble(text);
            return value >= 0 && value <= 1 && Ascii.isDigit(text.charAt(0)) ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
