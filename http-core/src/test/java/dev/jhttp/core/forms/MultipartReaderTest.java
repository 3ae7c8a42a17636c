package dev.jhttp.core.forms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartReaderTest {
    private static final String BOUNDARY = "----jhttpBoundary7MA4YWxk";

    /** A body as a browser sends it, lines joined with CRLF. */
    private static byte[] body(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> read(byte[] body) {
        return MultipartTranscript.read(MultipartReader.create(BOUNDARY, MultipartLimits.defaults()), body);
    }

    private static List<String> read(MultipartLimits limits, byte[] body) {
        return MultipartTranscript.read(MultipartReader.create(BOUNDARY, limits), body);
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final byte[] FORM = body(
            "--" + BOUNDARY,
            "Content-Disposition: form-data; name=\"title\"",
            "",
            "Holiday",
            "--" + BOUNDARY,
            "Content-Disposition: form-data; name=\"photo\"; filename=\"beach.txt\"",
            "Content-Type: text/plain",
            "",
            "sand\r\n--" + BOUNDARY.substring(0, 10) + " and sea",
            "--" + BOUNDARY + "--",
            "");

    @Test
    void readsFieldsAndFilesWithTheirContent() {
        assertThat(read(FORM)).containsExactly(
                "start name=title filename=- type=text/plain",
                "content " + hex("Holiday"),
                "end",
                "start name=photo filename=beach.txt type=text/plain",
                "content " + hex("sand\r\n--" + BOUNDARY.substring(0, 10) + " and sea"),
                "end",
                "finished");
    }

    @Test
    void everyCutOfTheBytesReadsTheSame() {
        List<String> whole = read(FORM);
        for (int cut = 0; cut <= FORM.length; cut++) {
            assertThat(MultipartTranscript.read(MultipartReader.create(BOUNDARY, MultipartLimits.defaults()), FORM,
                    cut)).as("cut at %d", cut).isEqualTo(whole);
        }
        int[] everyByte = new int[FORM.length - 1];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertThat(MultipartTranscript.read(MultipartReader.create(BOUNDARY, MultipartLimits.defaults()), FORM,
                everyByte)).as("one byte at a time").isEqualTo(whole);
    }

    @Test
    void thePreambleAndTheEpilogueAreIgnoredAndPaddingAfterABoundaryIsAllowed() {
        byte[] body = body("This is the preamble.", "--" + BOUNDARY + " \t",
                "Content-Disposition: form-data; name=a", "", "1", "--" + BOUNDARY + "--", "the epilogue", "");
        assertThat(read(body)).containsExactly("start name=a filename=- type=text/plain", "content " + hex("1"),
                "end", "finished");
    }

    @Test
    void anEmptyPartHasNoContentEvent() {
        byte[] body = body("--" + BOUNDARY, "Content-Disposition: form-data; name=empty", "", "",
                "--" + BOUNDARY + "--");
        assertThat(read(body)).containsExactly("start name=empty filename=- type=text/plain", "end", "finished");
    }

    @Test
    void filenameStarDecodesRfc8187AndWinsOverFilename() {
        byte[] body = body("--" + BOUNDARY,
                "Content-Disposition: form-data; name=f; filename=\"rates.txt\"; "
                        + "filename*=UTF-8''%e2%82%ac%20rates.txt",
                "", "x", "--" + BOUNDARY,
                "Content-Disposition: form-data; name=g; filename*=iso-8859-1'en'%A3%20rates.txt", "", "y",
                "--" + BOUNDARY, "Content-Disposition: form-data; name=\"na\\\"me\"; filename=\"naïve.txt\"", "", "z",
                "--" + BOUNDARY + "--");
        assertThat(read(body)).filteredOn(line -> line.startsWith("start")).containsExactly(
                "start name=f filename=€ rates.txt type=text/plain",
                "start name=g filename=£ rates.txt type=text/plain",
                "start name=na\"me filename=naïve.txt type=text/plain");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no Content-Disposition|Content-Type: text/plain|INVALID_CONTENT_DISPOSITION",
        "another type|Content-Disposition: attachment; name=a|INVALID_CONTENT_DISPOSITION",
        "no name|Content-Disposition: form-data; filename=a.txt|INVALID_CONTENT_DISPOSITION",
        "a parameter twice|Content-Disposition: form-data; name=a; name=b|INVALID_CONTENT_DISPOSITION",
        "an unclosed quote|Content-Disposition: form-data; name=\"a|INVALID_CONTENT_DISPOSITION",
        "filename* in another charset|Content-Disposition: form-data; name=a; filename*=UTF-16''a|INVALID_EXT_VALUE",
        "filename* with a space|Content-Disposition: form-data; name=a; filename*=UTF-8''a b|INVALID_EXT_VALUE",
        "filename* with a bad escape|Content-Disposition: form-data; name=a; filename*=UTF-8''%e2%8|INVALID_EXT_VALUE",
        "filename* not UTF-8|Content-Disposition: form-data; name=a; filename*=UTF-8''%ff|INVALID_EXT_VALUE",
        "a space before the colon|Content-Disposition : form-data; name=a|INVALID_PART_HEADER",
    })
    void aBrokenPartHeaderIsRefusedAtItsSection(String why, String header, FormViolation violation) {
        byte[] body = body("--" + BOUNDARY, header, "", "x", "--" + BOUNDARY + "--");
        List<String> lines = read(body);
        assertThat(lines).last().asString().startsWith("failed " + violation + " at byte ");
        assertThat(lines).hasSize(1);
    }

    @Test
    void obsFoldAndNamesThatAreNotUtf8AreRefused() {
        assertThat(read(body("--" + BOUNDARY, "Content-Disposition: form-data;", " name=a", "", "x",
                "--" + BOUNDARY + "--"))).singleElement().asString().startsWith("failed INVALID_PART_HEADER");
        byte[] latin1 = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"\u00ff\"\r\n\r\nx\r\n--"
                + BOUNDARY + "--").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read(latin1)).singleElement().asString().startsWith("failed INVALID_CONTENT_DISPOSITION");
    }

    @Test
    void errorsNameTheOctetThatDecidedThem() {
        String open = "--" + BOUNDARY + "\r\n";
        assertThat(read(body("--" + BOUNDARY + "x"))).containsExactly("failed MALFORMED_DELIMITER at byte "
                + (2 + BOUNDARY.length()) + " (RFC 2046 §5.1.1): octet 0x78 after the boundary");
        assertThat(read(body("--" + BOUNDARY + "-x"))).last().asString()
                .startsWith("failed MALFORMED_DELIMITER at byte " + (3 + BOUNDARY.length()));
        assertThat(read(body("--" + BOUNDARY, "Content-Disposition: form-data; name=a", "", "cut")))
                .last().isEqualTo("failed TRUNCATED_MULTIPART at byte " + (open.length() + 45)
                        + " (RFC 2046 §5.1.1): the content ended before the close delimiter");
        byte[] badHeader = body("--" + BOUNDARY, "Content-Disposition: form-data; name=a", "Bad Name: x", "", "");
        assertThat(read(badHeader)).last().asString()
                .startsWith("failed INVALID_PART_HEADER at byte " + (open.length() + 43));   // the space
    }

    @Test
    void limitsEndTheReadAtTheFirstOctetPastThem() {
        String form = new String(FORM, StandardCharsets.UTF_8);
        int secondHeaders = form.indexOf("--" + BOUNDARY, 1) + ("--" + BOUNDARY + "\r\n").length();
        assertThat(read(MultipartLimits.defaults().withMaxParts(1), FORM)).last().isEqualTo(
                "failed TOO_MANY_PARTS at byte " + secondHeaders + " (RFC 7578 §4.4, RFC 9110 §15.5.14): more than 1"
                        + " parts");
        assertThat(read(MultipartLimits.defaults().withMaxFieldSize(4), FORM)).containsExactly(
                "start name=title filename=- type=text/plain", "content " + hex("Holi"),
                "failed FIELD_TOO_LARGE at byte " + (form.indexOf("Holiday") + 4)
                        + " (RFC 9110 §15.5.14): a field of more than 4 bytes");
        int closed = FORM.length - 2;   // the epilogue (here a CRLF) does not count
        assertThat(read(MultipartLimits.defaults().withMaxTotalSize(closed - 1), FORM)).last()
                .isEqualTo("failed MULTIPART_TOO_LARGE at byte " + (closed - 1)
                        + " (RFC 9110 §15.5.14): more than " + (closed - 1) + " bytes");
        assertThat(read(MultipartLimits.defaults().withMaxTotalSize(closed), FORM)).last().isEqualTo("finished");
        assertThat(read(MultipartLimits.defaults().withMaxPartHeaderSize(20), FORM)).last().asString()
                .startsWith("failed INVALID_PART_HEADER at byte " + (("--" + BOUNDARY + "\r\n").length() + 20));
    }

    @Test
    void aFileIsNotBoundByTheFieldLimit() {
        assertThat(read(MultipartLimits.defaults().withMaxFieldSize(7), FORM)).last().isEqualTo("finished");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "multipart/form-data; boundary=abc|abc",
        "Multipart/Form-Data;boundary=\"a b:c\"|a b:c",
        "multipart/form-data; charset=utf-8; BOUNDARY=x|x",
    })
    void theBoundaryComesFromTheContentType(String contentType, String boundary) {
        assertThat(MultipartReader.boundary(contentType)).contains(boundary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/mixed; boundary=abc", "multipart/form-data", "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\"ends with space \"", "multipart/form-data; boundary=a;b",
        "multipart/form-data; boundary=\"a\u00e9\"", "text/plain; boundary=abc"})
    void noBoundaryFromOtherTypesOrInvalidOnes(String contentType) {
        assertThat(MultipartReader.boundary(contentType)).isEmpty();
    }

    @Test
    void aBoundaryLongerThan70IsRefused() {
        assertThat(MultipartReader.boundary("multipart/form-data; boundary=" + "a".repeat(70))).isPresent();
        assertThatThrownBy(() -> MultipartReader.create("a".repeat(71), MultipartLimits.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
