package dev.jhttp.core.headers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110 §5.6.7): written as IMF-fixdate, read in all three formats a recipient must accept.
 *
 * {@snippet :
 * String header = HttpDate.format(Instant.EPOCH);                    // "Thu, 01 Jan 1970 00:00:00 GMT"
 * Optional<Instant> when = HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT");
 * Optional<Instant> none = HttpDate.parse("yesterday");              // Optional.empty()
 * }
 */
public final class HttpDate {
    // English day and month names are part of the format; Locale.US supplies them whatever the default locale.
    private static final DateTimeFormatter IMF_FIXDATE = strict("EEE, dd MMM uuuu HH:mm:ss 'GMT'");
    private static final DateTimeFormatter ASCTIME = strict("EEE MMM ppd HH:mm:ss uuuu");
    // RFC 9110 §5.6.7: a two-digit year more than 50 years ahead means the previous century.
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).getYear() - 49)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US)
            .withResolverStyle(ResolverStyle.STRICT)
            .withZone(ZoneOffset.UTC);

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private HttpDate() {
    }

    /** {@code instant} as an IMF-fixdate, to the second: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public static String format(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        char[] out = "Ddd, 00 Mmm 0000 00:00:00 GMT".toCharArray();
        DAYS[t.getDayOfWeek().getValue() - 1].getChars(0, 3, out, 0);
        twoDigits(out, 5, t.getDayOfMonth());
        MONTHS[t.getMonthValue() - 1].getChars(0, 3, out, 8);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year outside 0000..9999: " + year);
        }
        twoDigits(out, 12, year / 100);
        twoDigits(out, 14, year % 100);
        twoDigits(out, 17, t.getHour());
        twoDigits(out, 20, t.getMinute());
        twoDigits(out, 23, t.getSecond());
        return new String(out);
    }

    /** The instant an HTTP date names, or empty if {@code text} is in none of the three formats. */
    public static Optional<Instant> parse(String text) {
        for (DateTimeFormatter format : new DateTimeFormatter[] {IMF_FIXDATE, RFC_850, ASCTIME}) {
            try {
                return Optional.of(ZonedDateTime.parse(text, format).toInstant());
            } catch (DateTimeParseException notThisFormat) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.US)
                .withResolverStyle(ResolverStyle.STRICT)
                .withZone(ZoneOffset.UTC);
    }

    private static void twoDigits(char[] out, int at, int value) {
        out[at] = (char) ('0' + value / 10);
        out[at + 1] = (char) ('0' + value % 10);
    }
}
