package dev.jhttp.tests.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the conformance table from {@code src/test/resources/conformance/}. A file holds rows separated by blank
 * lines; {@code #} starts a comment line. A row is a few keyed lines:
 * <pre>
 * row     origin-form with a query            the row's name
 * rfc     9112 §3.2.1                          the section it comes from (or a file-wide "section" line)
 * send    GET /a?b=1 HTTP/1.1\r\nHost: x\r\n\r\n    bytes, with escapes (see {@link Escapes}); repeatable
 * ok      GET /a?b=1 HTTP/1.1                  then the facts it must parse to: path, hdr, body, trailer…
 * fail    400 INVALID_HOST                     or the status and violation it must be refused with
 * </pre>
 * {@code repeat N hdr X: v} stands for N equal expected lines; in response rows, {@code for HEAD} names the method
 * of the request the response answers.
 */
final class ConformanceTable {
    static final List<String> REQUEST_FILES = List.of("request-line.txt", "request-target.txt", "version.txt",
            "line-endings.txt", "fields.txt", "host.txt", "content-length.txt", "transfer-encoding.txt",
            "chunked.txt", "smuggling.txt", "limits.txt");
    static final List<String> RESPONSE_FILES = List.of("responses.txt");

    private ConformanceTable() {
    }

    static List<ConformanceRow> requests() {
        return read(REQUEST_FILES);
    }

    static List<ConformanceRow> responses() {
        return read(RESPONSE_FILES);
    }

    private static List<ConformanceRow> read(List<String> files) {
        List<ConformanceRow> rows = new ArrayList<>();
        for (String file : files) {
            rows.addAll(parse(file, load(file)));
        }
        return rows;
    }

    private static String load(String file) {
        try (InputStream in = ConformanceTable.class.getResourceAsStream("/conformance/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing conformance file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ConformanceRow> parse(String file, String text) {
        List<ConformanceRow> rows = new ArrayList<>();
        RowBuilder row = null;
        String section = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (row != null) {
                    rows.add(row.build());
                    row = null;
                }
                continue;
            }
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            // values start at column 6 (after a key padded to five), or one space after a longer key
            String value = space < 0 ? "" : line.substring(Math.min(line.length(), Math.max(space + 1, 5)));
            if (key.equals("section")) {
                section = value;
                continue;
            }
            if (key.equals("row")) {
                row = new RowBuilder(file, i + 1, value, section);
                continue;
            }
            if (row == null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": '" + key + "' outside a row");
            }
            row.add(key, value, i + 1);
        }
        if (row != null) {
            rows.add(row.build());
        }
        return rows;
    }

    /** Collects one row's lines and checks that it is whole. */
    private static final class RowBuilder {
        private final String file;
        private final int line;
        private final String name;
        private String section;
        private final StringBuilder send = new StringBuilder();
        private final List<String> expected = new ArrayList<>();
        private int rejectStatus;
        private String rejectViolation;
        private String requestMethod = "GET";

        RowBuilder(String file, int line, String name, String section) {
            this.file = file;
            this.line = line;
            this.name = name;
            this.section = section;
        }

        void add(String key, String value, int at) {
            switch (key) {
                case "rfc" -> section = value;
                case "for" -> requestMethod = value;
                case "send" -> send.append(value);
                case "fail" -> {
                    String[] parts = value.split(" ");
                    rejectStatus = Integer.parseInt(parts[0]);
                    rejectViolation = parts[1];
                }
                case "ok", "path", "hdr", "body", "trailer" -> expected.add(key + " " + value);
                case "repeat" -> {
                    String[] countAndLine = value.split(" ", 2);
                    for (int n = Integer.parseInt(countAndLine[0]); n > 0; n--) {
                        String[] keyAndValue = countAndLine[1].split(" ", 2);
                        add(keyAndValue[0], keyAndValue[1], at);
                    }
                }
                default -> throw new IllegalArgumentException(file + ":" + at + ": unknown key '" + key + "'");
            }
        }

        ConformanceRow build() {
            String where = file + ":" + line;
            if (section == null || send.isEmpty()) {
                throw new IllegalArgumentException(where + ": a row needs an rfc section and send bytes");
            }
            if ((rejectViolation == null) == expected.isEmpty()) {
                throw new IllegalArgumentException(where + ": a row needs either ok lines or one fail line");
            }
            if (rejectViolation == null && !expected.getFirst().startsWith("ok ")) {
                throw new IllegalArgumentException(where + ": the first expected line is ok");
            }
            return new ConformanceRow(file, line, name, section, Escapes.decode(send.toString()), List.copyOf(expected),
                    rejectStatus, rejectViolation, requestMethod);
        }
    }
}
