package dev.jhttp.core.write;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds a message head in one growing byte array: start-line and field lines as ISO-8859-1, the octets header values
 * stand for (RFC 9110 §5.5). Characters go straight into the array, with no intermediate strings.
 */
final class HeadEncoder {
    private byte[] bytes;
    private int length;

    HeadEncoder(int capacity) {
        bytes = new byte[capacity];
    }

    static byte[] encode(String startLine, Headers headers) {
        return new HeadEncoder(64 + headers.size() * 32).line(startLine).fields(headers).crlf().toByteArray();
    }

    HeadEncoder append(String text) {
        int size = text.length();
        ensure(size);
        for (int i = 0; i < size; i++) {
            bytes[length + i] = (byte) text.charAt(i);
        }
        length += size;
        return this;
    }

    HeadEncoder append(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    /** The decimal digits of a non-negative number. */
    HeadEncoder appendDigits(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        long rest = value;
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
        return this;
    }

    HeadEncoder crlf() {
        ensure(2);
        bytes[length++] = '\r';
        bytes[length++] = '\n';
        return this;
    }

    HeadEncoder line(String text) {
        return append(text).crlf();
    }

    HeadEncoder field(HeaderName name, String value) {
        return append(name.name()).append((byte) ':').append((byte) ' ').append(value).crlf();
    }

    /** Every field line of {@code headers}. */
    HeadEncoder fields(Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            field(headers.name(i), headers.value(i));
        }
        return this;
    }

    /** The field lines of {@code headers} but those named {@code skipped} or {@code alsoSkipped}. */
    HeadEncoder fieldsExcept(Headers headers, HeaderName skipped, HeaderName alsoSkipped) {
        for (int i = 0; i < headers.size(); i++) {
            HeaderName name = headers.name(i);
            if (!name.equals(skipped) && !name.equals(alsoSkipped)) {
                field(name, headers.value(i));
            }
        }
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The bytes so far, without a copy: the encoder must not be used afterwards. */
    ByteBuffer toByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, length);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
