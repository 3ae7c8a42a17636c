package dev.jhttp.core.parse;

import java.util.List;

import static dev.jhttp.core.parse.Violation.*;

/** Malformed requests, each named after the rule it breaks, with the violation the parser must report. */
final class RejectionCases {
    record Case(String rule, String raw, Violation violation) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private static final String H = "Host: a\r\n";

    private RejectionCases() {
    }

    static List<Case> all() {
        return List.of(
                // request-line (RFC 9112 §3)
                new Case("method must be a token", "G(T / HTTP/1.1\r\n" + H + "\r\n", INVALID_METHOD),
                new Case("method must not hold a non-ASCII byte", "G\u00c9T / HTTP/1.1\r\n" + H + "\r\n", INVALID_METHOD),
                new Case("request line must not start with a space", " GET / HTTP/1.1\r\n" + H + "\r\n",
                        INVALID_REQUEST_LINE),
                new Case("single space between method and target", "GET  / HTTP/1.1\r\n" + H + "\r\n",
                        INVALID_REQUEST_LINE),
                new Case("single space between target and version", "GET /  HTTP/1.1\r\n" + H + "\r\n",
                        INVALID_REQUEST_LINE),
                new Case("tab is not a separator", "GET\t/ HTTP/1.1\r\n" + H + "\r\n", INVALID_METHOD),
                new Case("version is required (no HTTP/0.9)", "GET /\r\n\r\n", INVALID_REQUEST_LINE),
                new Case("no trailing space after version", "GET / HTTP/1.1 \r\n" + H + "\r\n", INVALID_REQUEST_LINE),
                new Case("whitespace inside target", "GET /a b HTTP/1.1\r\n" + H + "\r\n", INVALID_REQUEST_LINE),
                new Case("control byte in target", "GET /a\u0001b HTTP/1.1\r\n" + H + "\r\n", INVALID_REQUEST_TARGET),
                new Case("NUL in target", "GET /a\u0000 HTTP/1.1\r\n" + H + "\r\n", INVALID_REQUEST_TARGET),
                new Case("raw non-ASCII in target", "GET /caf\u00e9 HTTP/1.1\r\n" + H + "\r\n", INVALID_REQUEST_TARGET),
                new Case("fragment never sent in target", "GET /a#frag HTTP/1.1\r\n" + H + "\r\n",
                        INVALID_REQUEST_TARGET),
                new Case("percent must have two hex digits", "GET /a%2 HTTP/1.1\r\n" + H + "\r\n",
                        INVALID_REQUEST_TARGET),
                new Case("percent with non-hex digits", "GET /a%zz HTTP/1.1\r\n" + H + "\r\n", INVALID_REQUEST_TARGET),
                new Case("relative target is no form", "GET a/b HTTP/1.1\r\n" + H + "\r\n", INVALID_REQUEST_TARGET),
                new Case("absolute-form needs an authority", "GET http:/x HTTP/1.1\r\n" + H + "\r\n",
                        INVALID_REQUEST_TARGET),
                new Case("absolute-form must not carry userinfo", "GET http://u@h/ HTTP/1.1\r\n" + H + "\r\n",
                        INVALID_REQUEST_TARGET),
                new Case("authority-form needs CONNECT", "GET example.com:80 HTTP/1.1\r\n" + H + "\r\n",
                        INVALID_REQUEST_TARGET),
                new Case("CONNECT needs authority-form", "CONNECT /path HTTP/1.1\r\n" + H + "\r\n",
                        TARGET_FORM_NOT_ALLOWED),
                new Case("CONNECT authority needs a port", "CONNECT example.com HTTP/1.1\r\n" + H + "\r\n",
                        INVALID_REQUEST_TARGET),
                new Case("asterisk-form only for OPTIONS", "GET * HTTP/1.1\r\n" + H + "\r\n", TARGET_FORM_NOT_ALLOWED),
                new Case("request line within its limit", "GET /" + "a".repeat(9000) + " HTTP/1.1\r\n" + H + "\r\n",
                        REQUEST_LINE_TOO_LONG),
                new Case("empty lines before the request line count toward its limit",
                        "\r\n".repeat(5000) + "GET / HTTP/1.1\r\n" + H + "\r\n", REQUEST_LINE_TOO_LONG),
                // version (RFC 9112 §2.3, RFC 9110 §6.2)
                new Case("HTTP-name is case-sensitive", "GET / http/1.1\r\n" + H + "\r\n", INVALID_VERSION),
                new Case("version needs a minor digit", "GET / HTTP/1\r\n" + H + "\r\n", INVALID_VERSION),
                new Case("version digits are single", "GET / HTTP/1.10\r\n" + H + "\r\n", INVALID_VERSION),
                new Case("version digits are digits", "GET / HTTP/1.x\r\n" + H + "\r\n", INVALID_VERSION),
                new Case("version must not be padded", "GET / HTTP/ 1.1\r\n" + H + "\r\n", INVALID_REQUEST_LINE),
                new Case("major version 2 is not supported", "GET / HTTP/2.0\r\n" + H + "\r\n", UNSUPPORTED_VERSION),
                new Case("major version 0 is not supported", "GET / HTTP/0.9\r\n" + H + "\r\n", UNSUPPORTED_VERSION),
                // line endings (RFC 9112 §2.2)
                new Case("bare LF ends no request line", "GET / HTTP/1.1\n" + H + "\r\n", BARE_LF),
                new Case("bare LF ends no field line", "GET / HTTP/1.1\r\nHost: a\n\r\n", BARE_LF),
                new Case("bare LF ends no header section", "GET / HTTP/1.1\r\nHost: a\r\n\n", BARE_LF),
                new Case("bare CR in a field value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", BARE_CR),
                new Case("bare CR in the request line", "GET /\r HTTP/1.1\r\n" + H + "\r\n", BARE_CR),
                new Case("no whitespace between start line and first field", "GET / HTTP/1.1\r\n Host: a\r\n\r\n",
                        WHITESPACE_AFTER_START_LINE),
                // field lines (RFC 9112 §5, RFC 9110 §5)
                new Case("no whitespace before the colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
                        WHITESPACE_BEFORE_COLON),
                new Case("no tab before the colon", "GET / HTTP/1.1\r\n" + H + "X\t: b\r\n\r\n",
                        WHITESPACE_BEFORE_COLON),
                new Case("no obsolete line folding", "GET / HTTP/1.1\r\n" + H + "X: a\r\n  b\r\n\r\n",
                        OBSOLETE_LINE_FOLDING),
                new Case("no line folding with a tab", "GET / HTTP/1.1\r\n" + H + "X: a\r\n\tb\r\n\r\n",
                        OBSOLETE_LINE_FOLDING),
                new Case("field line needs a colon", "GET / HTTP/1.1\r\n" + H + "NoColon\r\n\r\n", INVALID_HEADER_NAME),
                new Case("field name must not be empty", "GET / HTTP/1.1\r\n" + H + ": v\r\n\r\n", INVALID_HEADER_NAME),
                new Case("field name must be a token", "GET / HTTP/1.1\r\n" + H + "X(y): v\r\n\r\n",
                        INVALID_HEADER_NAME),
                new Case("field name must not hold non-ASCII", "GET / HTTP/1.1\r\n" + H + "X\u00e9: v\r\n\r\n",
                        INVALID_HEADER_NAME),
                new Case("NUL is not allowed in values", "GET / HTTP/1.1\r\n" + H + "X: a\u0000b\r\n\r\n",
                        INVALID_HEADER_VALUE),
                new Case("DEL is not allowed in values", "GET / HTTP/1.1\r\n" + H + "X: a\u007fb\r\n\r\n",
                        INVALID_HEADER_VALUE),
                new Case("control bytes are not allowed in values", "GET / HTTP/1.1\r\n" + H + "X: a\u001bb\r\n\r\n",
                        INVALID_HEADER_VALUE),
                new Case("header section within its limit",
                        "GET / HTTP/1.1\r\n" + H + "X: " + "v".repeat(17000) + "\r\n\r\n", HEADER_SECTION_TOO_LARGE),
                new Case("field count within its limit",
                        "GET / HTTP/1.1\r\n" + H + "X: v\r\n".repeat(100) + "\r\n", TOO_MANY_HEADERS),
                // Host (RFC 9112 §3.2, RFC 9110 §7.2)
                new Case("HTTP/1.1 needs Host", "GET / HTTP/1.1\r\n\r\n", MISSING_HOST),
                new Case("only one Host", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", DUPLICATE_HOST),
                new Case("only one Host even in HTTP/1.0", "GET / HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n",
                        DUPLICATE_HOST),
                new Case("Host must be a host", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", INVALID_HOST),
                new Case("Host must not carry userinfo", "GET / HTTP/1.1\r\nHost: user@a\r\n\r\n", INVALID_HOST),
                new Case("Host port must be digits", "GET / HTTP/1.1\r\nHost: a:8o\r\n\r\n", INVALID_HOST),
                new Case("Host port must fit 16 bits", "GET / HTTP/1.1\r\nHost: a:65536\r\n\r\n", INVALID_HOST),
                new Case("Host is no list", "GET / HTTP/1.1\r\nHost: a, b\r\n\r\n", INVALID_HOST),
                new Case("Host IP literal must close", "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", INVALID_HOST),
                // Content-Length (RFC 9110 §8.6, RFC 9112 §6.3)
                new Case("Content-Length is digits only", "POST / HTTP/1.1\r\n" + H + "Content-Length: +5\r\n\r\n",
                        INVALID_CONTENT_LENGTH),
                new Case("Content-Length has no hex", "POST / HTTP/1.1\r\n" + H + "Content-Length: 0x5\r\n\r\n",
                        INVALID_CONTENT_LENGTH),
                new Case("Content-Length is not empty", "POST / HTTP/1.1\r\n" + H + "Content-Length:\r\n\r\n",
                        INVALID_CONTENT_LENGTH),
                new Case("Content-Length has no inner space", "POST / HTTP/1.1\r\n" + H + "Content-Length: 1 2\r\n\r\n",
                        INVALID_CONTENT_LENGTH),
                new Case("Content-Length has no empty list element",
                        "POST / HTTP/1.1\r\n" + H + "Content-Length: 5,\r\n\r\n", INVALID_CONTENT_LENGTH),
                new Case("differing Content-Length lines", "POST / HTTP/1.1\r\n" + H
                        + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", CONFLICTING_CONTENT_LENGTH),
                new Case("differing Content-Length list", "POST / HTTP/1.1\r\n" + H + "Content-Length: 5, 6\r\n\r\n",
                        CONFLICTING_CONTENT_LENGTH),
                new Case("Content-Length within the body limit",
                        "POST / HTTP/1.1\r\n" + H + "Content-Length: 99999999999999999999999\r\n\r\n", BODY_TOO_LARGE),
                new Case("an 18-digit Content-Length within the body limit",
                        "POST / HTTP/1.1\r\n" + H + "Content-Length: 999999999999999999\r\n\r\n", BODY_TOO_LARGE),
                // Transfer-Encoding (RFC 9112 §6.1, §6.3, §7)
                new Case("no Content-Length with Transfer-Encoding (CL.TE)", "POST / HTTP/1.1\r\n" + H
                        + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                        CONTENT_LENGTH_WITH_TRANSFER_ENCODING),
                new Case("no Transfer-Encoding with Content-Length (TE.CL)", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n",
                        CONTENT_LENGTH_WITH_TRANSFER_ENCODING),
                new Case("no Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "0\r\n\r\n", TRANSFER_ENCODING_IN_HTTP_1_0),
                new Case("chunked must be final", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked, gzip\r\n\r\n", CHUNKED_NOT_FINAL),
                new Case("xchunked is not chunked", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: xchunked\r\n\r\n",
                        CHUNKED_NOT_FINAL),
                new Case("identity after chunked", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked, identity\r\n\r\n", CHUNKED_NOT_FINAL),
                new Case("chunked only once", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", INVALID_TRANSFER_ENCODING),
                new Case("chunked takes no parameters", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked;q=1\r\n\r\n", INVALID_TRANSFER_ENCODING),
                new Case("transfer codings are tokens", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: \"chunked\"\r\n\r\n", INVALID_TRANSFER_ENCODING),
                new Case("Transfer-Encoding is not empty", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding:\r\n\r\n", INVALID_TRANSFER_ENCODING),
                new Case("only chunked is implemented", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: gzip, chunked\r\n\r\n", UNSUPPORTED_TRANSFER_CODING),
                // chunked coding (RFC 9112 §7.1)
                new Case("chunk size is hex", chunked("g\r\n"), INVALID_CHUNK_SIZE),
                new Case("chunk size is not empty", chunked("\r\n"), INVALID_CHUNK_SIZE),
                new Case("chunk size has no sign", chunked("-1\r\n"), INVALID_CHUNK_SIZE),
                new Case("chunk size has no 0x prefix", chunked("0x5\r\nhello\r\n0\r\n\r\n"), INVALID_CHUNK_EXTENSION),
                new Case("chunk size over the content limit", chunked("10000000000000000\r\n"), BODY_TOO_LARGE),
                new Case("chunk size has no trailing space", chunked("5 \r\nhello\r\n0\r\n\r\n"),
                        INVALID_CHUNK_EXTENSION),
                new Case("chunk extension needs a name", chunked("5;\r\nhello\r\n0\r\n\r\n"), INVALID_CHUNK_EXTENSION),
                new Case("chunk extension value needs closing quote", chunked("5;a=\"b\r\nhello\r\n0\r\n\r\n"),
                        INVALID_CHUNK_EXTENSION),
                new Case("chunk extension within its limit", chunked("5;a=" + "b".repeat(1100) + "\r\nhello\r\n"),
                        CHUNK_EXTENSION_TOO_LONG),
                new Case("chunk data ends in CRLF", chunked("5\r\nhelloX\r\n0\r\n\r\n"), MISSING_CHUNK_DATA_END),
                new Case("chunk data ends in CR then LF", chunked("5\r\nhello\rX0\r\n\r\n"), MISSING_CHUNK_DATA_END),
                new Case("chunked content within the body limit", chunked("A00001\r\n"), BODY_TOO_LARGE),
                new Case("chunk-size line ends in CRLF", chunked("5\nhello\r\n0\r\n\r\n"), BARE_LF),
                new Case("trailer fields follow field syntax", chunked("0\r\nBad : x\r\n\r\n"),
                        WHITESPACE_BEFORE_COLON),
                new Case("trailers are not folded", chunked("0\r\nA: x\r\n y\r\n\r\n"), OBSOLETE_LINE_FOLDING));
    }

    private static String chunked(String body) {
        return "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body;
    }
}
