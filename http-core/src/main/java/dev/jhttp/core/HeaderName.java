package dev.jhttp.core;

import dev.jhttp.core.syntax.Ascii;
import dev.jhttp.core.syntax.ByteScan;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A header field name (RFC 9110 §5.1): a token, compared case-insensitively. The spelling a name was created with is
 * kept for writing. Well-known names are interned: {@code of("Content-Length")} is {@link #CONTENT_LENGTH} itself, and
 * any other spelling of it shares the constant's lower-case form, so comparisons stay cheap.
 *
 * {@snippet :
 * HeaderName n = HeaderName.of("content-type");
 * boolean same = n.equals(HeaderName.CONTENT_TYPE);   // true
 * String wire = HeaderName.of("X-Trace").name();      // "X-Trace"
 * }
 */
public final class HeaderName {
    private static final Map<String, HeaderName> KNOWN = new HashMap<>();
    /** The known names again, by a case-insensitive hash of their bytes, so parsers can intern without a String. */
    private static final HeaderName[] BY_HASH = new HeaderName[256];
    /** Beside each slot of BY_HASH: its name in lower case, and in its usual spelling. */
    private static final byte[][] LOWER_BY_HASH = new byte[256][];
    private static final byte[][] SPELLING_BY_HASH = new byte[256][];

    public static final HeaderName ACCEPT = known("Accept");
    public static final HeaderName ACCEPT_CHARSET = known("Accept-Charset");
    public static final HeaderName ACCEPT_ENCODING = known("Accept-Encoding");
    public static final HeaderName ACCEPT_LANGUAGE = known("Accept-Language");
    public static final HeaderName ACCEPT_RANGES = known("Accept-Ranges");
    public static final HeaderName ACCESS_CONTROL_ALLOW_CREDENTIALS = known("Access-Control-Allow-Credentials");
    public static final HeaderName ACCESS_CONTROL_ALLOW_HEADERS = known("Access-Control-Allow-Headers");
    public static final HeaderName ACCESS_CONTROL_ALLOW_METHODS = known("Access-Control-Allow-Methods");
    public static final HeaderName ACCESS_CONTROL_ALLOW_ORIGIN = known("Access-Control-Allow-Origin");
    public static final HeaderName ACCESS_CONTROL_EXPOSE_HEADERS = known("Access-Control-Expose-Headers");
    public static final HeaderName ACCESS_CONTROL_MAX_AGE = known("Access-Control-Max-Age");
    public static final HeaderName ACCESS_CONTROL_REQUEST_HEADERS = known("Access-Control-Request-Headers");
    public static final HeaderName ACCESS_CONTROL_REQUEST_METHOD = known("Access-Control-Request-Method");
    public static final HeaderName AGE = known("Age");
    public static final HeaderName ALLOW = known("Allow");
    public static final HeaderName AUTHORIZATION = known("Authorization");
    public static final HeaderName CACHE_CONTROL = known("Cache-Control");
    public static final HeaderName CONNECTION = known("Connection");
    public static final HeaderName CONTENT_DISPOSITION = known("Content-Disposition");
    public static final HeaderName CONTENT_ENCODING = known("Content-Encoding");
    public static final HeaderName CONTENT_LANGUAGE = known("Content-Language");
    public static final HeaderName CONTENT_LENGTH = known("Content-Length");
    public static final HeaderName CONTENT_LOCATION = known("Content-Location");
    public static final HeaderName CONTENT_RANGE = known("Content-Range");
    public static final HeaderName CONTENT_TYPE = known("Content-Type");
    public static final HeaderName COOKIE = known("Cookie");
    public static final HeaderName DATE = known("Date");
    public static final HeaderName ETAG = known("ETag");
    public static final HeaderName EXPECT = known("Expect");
    public static final HeaderName EXPIRES = known("Expires");
    public static final HeaderName FORWARDED = known("Forwarded");
    public static final HeaderName FROM = known("From");
    public static final HeaderName HOST = known("Host");
    public static final HeaderName IF_MATCH = known("If-Match");
    public static final HeaderName IF_MODIFIED_SINCE = known("If-Modified-Since");
    public static final HeaderName IF_NONE_MATCH = known("If-None-Match");
    public static final HeaderName IF_RANGE = known("If-Range");
    public static final HeaderName IF_UNMODIFIED_SINCE = known("If-Unmodified-Since");
    public static final HeaderName KEEP_ALIVE = known("Keep-Alive");
    public static final HeaderName LAST_MODIFIED = known("Last-Modified");
    public static final HeaderName LINK = known("Link");
    public static final HeaderName LOCATION = known("Location");
    public static final HeaderName MAX_FORWARDS = known("Max-Forwards");
    public static final HeaderName ORIGIN = known("Origin");
    public static final HeaderName PRAGMA = known("Pragma");
    public static final HeaderName PROXY_AUTHENTICATE = known("Proxy-Authenticate");
    public static final HeaderName PROXY_AUTHORIZATION = known("Proxy-Authorization");
    public static final HeaderName RANGE = known("Range");
    public static final HeaderName REFERER = known("Referer");
    public static final HeaderName RETRY_AFTER = known("Retry-After");
    public static final HeaderName SEC_FETCH_DEST = known("Sec-Fetch-Dest");
    public static final HeaderName SEC_FETCH_MODE = known("Sec-Fetch-Mode");
    public static final HeaderName SEC_FETCH_SITE = known("Sec-Fetch-Site");
    public static final HeaderName SEC_FETCH_USER = known("Sec-Fetch-User");
    public static final HeaderName SERVER = known("Server");
    public static final HeaderName SET_COOKIE = known("Set-Cookie");
    public static final HeaderName TE = known("TE");
    public static final HeaderName TRAILER = known("Trailer");
    public static final HeaderName TRANSFER_ENCODING = known("Transfer-Encoding");
    public static final HeaderName UPGRADE = known("Upgrade");
    public static final HeaderName UPGRADE_INSECURE_REQUESTS = known("Upgrade-Insecure-Requests");
    public static final HeaderName USER_AGENT = known("User-Agent");
    public static final HeaderName VARY = known("Vary");
    public static final HeaderName VIA = known("Via");
    public static final HeaderName WWW_AUTHENTICATE = known("WWW-Authenticate");
    public static final HeaderName X_CONTENT_TYPE_OPTIONS = known("X-Content-Type-Options");
    public static final HeaderName X_FORWARDED_FOR = known("X-Forwarded-For");
    public static final HeaderName X_FORWARDED_HOST = known("X-Forwarded-Host");
    public static final HeaderName X_FORWARDED_PROTO = known("X-Forwarded-Proto");
    public static final HeaderName X_REQUEST_ID = known("X-Request-Id");

    static {
        for (HeaderName known : KNOWN.values()) {
            byte[] bytes = known.lowerCase.getBytes(StandardCharsets.ISO_8859_1);
            int slot = hash(bytes, 0, bytes.length);
            while (BY_HASH[slot] != null) {
                slot = (slot + 1) & (BY_HASH.length - 1);
            }
            BY_HASH[slot] = known;
            LOWER_BY_HASH[slot] = bytes;
            SPELLING_BY_HASH[slot] = known.name.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private final String name;
    private final String lowerCase;

    private HeaderName(String name, String lowerCase) {
        this.name = name;
        this.lowerCase = lowerCase;
    }

    private static HeaderName known(String name) {
        HeaderName header = new HeaderName(name, Ascii.toLowerCase(name));
        KNOWN.put(header.lowerCase, header);
        return header;
    }

    /**
     * The header name {@code name}: the constant when {@code name} is a well-known name in its usual spelling.
     *
     * @throws IllegalArgumentException if {@code name} is not a token
     */
    public static HeaderName of(String name) {
        Objects.requireNonNull(name, "name");
        String lower = Ascii.toLowerCase(name);
        HeaderName known = KNOWN.get(lower);
        if (known != null) {
            return known.name.equals(name) ? known : new HeaderName(name, known.lowerCase);
        }
        if (!Ascii.isToken(name)) {
            throw new IllegalArgumentException("not a header name token: \"" + name + "\"");
        }
        return new HeaderName(name, lower);
    }

    /**
     * The header name in {@code bytes[offset, offset + length)}, read as ASCII: like {@link #of(String)}, but a
     * well-known name in its usual spelling costs no allocation, which matters to parsers.
     *
     * @throws IllegalArgumentException if the bytes are not a token
     * @throws IndexOutOfBoundsException if the range is outside {@code bytes}
     */
    public static HeaderName ofAscii(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        for (int slot = hash(bytes, offset, length); BY_HASH[slot] != null; slot = (slot + 1) & (BY_HASH.length - 1)) {
            byte[] lower = LOWER_BY_HASH[slot];
            if (lower.length != length) {
                continue;
            }
            if (ByteScan.regionEquals(bytes, offset, SPELLING_BY_HASH[slot])) {
                return BY_HASH[slot];   // the usual spelling, as most clients send it
            }
            if (Ascii.equalsIgnoringCase(bytes, offset, lower)) {
                return new HeaderName(new String(bytes, offset, length, StandardCharsets.ISO_8859_1),
                        BY_HASH[slot].lowerCase);
            }
        }
        return of(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
    }

    // A case-insensitive hash over 256 slots, from the length and three bytes; equality is checked separately.
    private static int hash(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int hash = length;
        hash = 31 * hash + (bytes[offset] | 0x20);
        hash = 31 * hash + (bytes[offset + length / 2] | 0x20);
        hash = 31 * hash + (bytes[offset + length - 1] | 0x20);
        return (hash ^ (hash >>> 8)) & 0xFF;
    }

    /** The name as spelled when it was created, for writing. */
    public String name() {
        return name;
    }

    /** The lower-case form, which equality uses. */
    public String lowerCase() {
        return lowerCase;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof HeaderName other && (lowerCase == other.lowerCase
                || lowerCase.hashCode() == other.lowerCase.hashCode() && lowerCase.equals(other.lowerCase));
    }

    @Override
    public int hashCode() {
        return lowerCase.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
