package dev.jhttp.core.forms;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * A form written by a multipart writer (this test's, as browsers write them) reads back part for part, content octet
 * for octet, however the bytes are cut.
 */
class MultipartRoundTripTest {
    private static final String BOUNDARY = "----qtBoundary4f8a19c2e7";
    /** Octets that look like the start of a delimiter come often, to test the reader where it must hold back. */
    private static final byte[] TRICKY = ("\r\n--" + BOUNDARY.substring(0, 12) + "\u00e9").getBytes(
            StandardCharsets.UTF_8);

    record Part(String name, String filename, byte[] content) {
    }

    private static Gen<String> names() {
        return lists().of(integers().between(0, 5)).ofSizeBetween(1, 8).map(picks -> {
            StringBuilder name = new StringBuilder();
            picks.forEach(p -> name.append("ab_é€1 ".charAt(p)));
            return name.toString();
        });
    }

    private static Gen<byte[]> contents() {
        return lists().of(integers().between(0, TRICKY.length + 255)).ofSizeBetween(0, 200).map(picks -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            picks.forEach(p -> out.write(p < TRICKY.length ? TRICKY[p] : p - TRICKY.length));
            return out.toByteArray();
        });
    }

    private static Gen<List<Part>> forms() {
        Gen<Part> part = names().zip(names(), integers().between(0, 1), contents(),
                (name, filename, isFile, content) -> new Part(name, isFile == 1 ? filename + ".bin" : null, content));
        return lists().of(part).ofSizeBetween(0, 5);
    }

    private static byte[] write(List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.filename() != null ? "; filename=\"" + part.filename() + "\"\r\n"
                    + "Content-Type: application/octet-stream" : "") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static List<String> expected(List<Part> parts) {
        List<String> lines = new ArrayList<>();
        for (Part part : parts) {
            lines.add("start name=" + part.name() + " filename=" + (part.filename() == null ? "-" : part.filename())
                    + " type=" + (part.filename() == null ? "text/plain" : "application/octet-stream"));
            if (part.content().length > 0) {
                lines.add("content " + HexFormat.of().formatHex(part.content()));
            }
            lines.add("end");
        }
        lines.add("finished");
        return lines;
    }

    @Test
    void whatTheWriterWritesReadsBackForAnyCuts() {
        qt().forAll(forms(), lists().of(integers().between(0, 1 << 16)).ofSizeBetween(0, 12))
                .checkAssert((parts, cutSeeds) -> {
                    byte[] body = write(parts);
                    int[] cuts = cutSeeds.stream().mapToInt(seed -> seed % (body.length + 1)).sorted().toArray();
                    MultipartReader reader = MultipartReader.create(BOUNDARY, MultipartLimits.defaults());
                    assertThat(MultipartTranscript.read(reader, body, cuts)).isEqualTo(expected(parts));
                });
    }
}
