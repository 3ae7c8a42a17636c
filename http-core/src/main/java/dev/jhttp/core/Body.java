package dev.jhttp.core;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The content of a message. The variants tell a writer how to send it: {@link Bytes} in one write, a
 * {@link FileRegion} by zero-copy transfer, a {@link Stream} of unknown length with chunked coding.
 *
 * {@snippet :
 * Body text = Body.of("hello");                                  // 5 bytes, UTF-8
 * Body file = Body.ofFile(Path.of("video.mp4"), 0, 1024);        // the first KiB of a file
 * Body live = Body.ofStream(out -> out.write(render()), -1);    // length unknown: sent chunked
 * }
 */
public sealed interface Body permits Body.Empty, Body.Bytes, Body.FileRegion, Body.Stream {

    /** No content. */
    static Body empty() {
        return Empty.INSTANCE;
    }

    /** A copy of {@code bytes}. */
    static Body of(byte[] bytes) {
        return bytes.length == 0 ? empty() : new Bytes(bytes.clone());
    }

    /** {@code text} encoded as UTF-8. */
    static Body of(String text) {
        return of(text, StandardCharsets.UTF_8);
    }

    /** {@code text} in {@code charset}. */
    static Body of(String text, Charset charset) {
        byte[] bytes = text.getBytes(charset);
        return bytes.length == 0 ? empty() : new Bytes(bytes);
    }

    /**
     * The whole of a regular file, as it is now.
     *
     * @throws IOException if its size cannot be read
     */
    static Body ofFile(Path path) throws IOException {
        return new FileRegion(path, 0, Files.size(path));
    }

    /**
     * {@code length} bytes of a file from {@code offset}.
     *
     * @throws IllegalArgumentException if offset or length is negative
     */
    static Body ofFile(Path path, long offset, long length) {
        return new FileRegion(path, offset, length);
    }

    /**
     * Content written by {@code producer} when the message is sent.
     *
     * @param length the exact byte count, or -1 if unknown (the writer then uses chunked coding)
     */
    static Body ofStream(Producer producer, long length) {
        return new Stream(producer, length);
    }

    /**
     * Content read from {@code in} when the message is written or read, exactly once: the shape of a request body
     * streaming from a socket.
     *
     * @param length the exact byte count, or -1 if unknown
     */
    static Body ofInputStream(InputStream in, long length) {
        return new Stream(Objects.requireNonNull(in, "in"), length, Headers::empty);
    }

    /**
     * Like {@link #ofInputStream(InputStream, long)}, for content whose trailer fields come after it, as chunked
     * content's do (RFC 9112 §7.1.2): {@code trailers} tells what has arrived so far, all of them once {@code in}
     * has been read to its end. {@link Request#trailers()} reads them through {@link Stream#trailers()}.
     */
    static Body ofInputStream(InputStream in, long length, Supplier<Headers> trailers) {
        return new Stream(Objects.requireNonNull(in, "in"), length, Objects.requireNonNull(trailers, "trailers"));
    }

    /** The content's size in bytes, or -1 when unknown until it has been written. */
    long length();

    /**
     * The content as a stream to read.
     *
     * @throws IOException if the source cannot be opened
     * @throws IllegalStateException for a {@link Stream} already read, or one made by a producer, which can only be
     *     written
     */
    InputStream openStream() throws IOException;

    /**
     * Writes the content to {@code out}.
     *
     * @throws IOException if reading the source or writing fails
     */
    void writeTo(OutputStream out) throws IOException;

    /** Writes a body's bytes to a stream; the body of {@link #ofStream}. */
    @FunctionalInterface
    interface Producer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** No content. */
    final class Empty implements Body {
        private static final Empty INSTANCE = new Empty();

        private Empty() {
        }

        @Override
        public long length() {
            return 0;
        }

        @Override
        public void writeTo(OutputStream out) {
            // nothing to write
        }

        @Override
        public InputStream openStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public String toString() {
            return "Body.Empty";
        }
    }

    /** Bytes in memory, compared by content. */
    final class Bytes implements Body {
        private final byte[] bytes;

        private Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }

        @Override
        public InputStream openStream() {
            return new ByteArrayInputStream(bytes);
        }

        /** A read-only view of the bytes. */
        public ByteBuffer asByteBuffer() {
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }

        /** A copy of the bytes. */
        public byte[] toByteArray() {
            return bytes.clone();
        }

        /** The bytes decoded with {@code charset}. */
        public String asString(Charset charset) {
            return new String(bytes, charset);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Body.Bytes[" + bytes.length + " bytes]";
        }
    }

    /** A region of a file, sent by zero-copy transfer where the connection allows it. */
    record FileRegion(Path path, long offset, long length) implements Body {
        @Override
        public InputStream openStream() throws IOException {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ).position(offset);
            return new FilterInputStream(Channels.newInputStream(channel)) {
                private long remaining = length;

                @Override
                public int read() throws IOException {
                    if (remaining <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    remaining -= b < 0 ? 0 : 1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int count) throws IOException {
                    if (remaining <= 0) {
                        return -1;
                    }
                    int read = super.read(buffer, offset, (int) Math.min(count, remaining));
                    remaining -= Math.max(read, 0);
                    return read;
                }
            };
        }

        public FileRegion {
            Objects.requireNonNull(path, "path");
            if (offset < 0 || length < 0) {
                throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
            }
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                WritableByteChannel target = Channels.newChannel(out);
                long position = offset;
                long end = offset + length;
                while (position < end) {
                    long sent = channel.transferTo(position, end - position, target);
                    if (sent <= 0) {
                        throw new IOException("file " + path + " ended " + (end - position) + " bytes early");
                    }
                    position += sent;
                }
            }
        }
    }

    /** Content produced while it is written, or read once from a stream; compared by identity. */
    final class Stream implements Body {
        private final Producer producer;
        private final long length;
        private final Supplier<Headers> trailers;
        private InputStream source;

        private Stream(Producer producer, long length) {
            this.producer = Objects.requireNonNull(producer, "producer");
            this.length = checkedLength(length);
            this.trailers = Headers::empty;
        }

        private Stream(InputStream source, long length, Supplier<Headers> trailers) {
            this.producer = out -> take().transferTo(out);
            this.source = source;
            this.length = checkedLength(length);
            this.trailers = trailers;
        }

        /** The trailer fields that followed the content, as far as it has been read; empty when there are none. */
        public Headers trailers() {
            return trailers.get();
        }

        private static long checkedLength(long length) {
            if (length < -1) {
                throw new IllegalArgumentException("length must be -1 (unknown) or more: " + length);
            }
            return length;
        }

        @Override
        public synchronized InputStream openStream() {
            if (source == null) {
                throw new IllegalStateException("this body was made by a producer and can only be written, "
                        + "or its stream has been taken already");
            }
            return take();
        }

        private synchronized InputStream take() {
            if (source == null) {
                throw new IllegalStateException("the stream of this body has been taken already");
            }
            InputStream taken = source;
            source = null;
            return taken;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            producer.writeTo(out);
        }

        @Override
        public String toString() {
            return "Body.Stream[" + (length < 0 ? "unknown length" : length + " bytes") + "]";
        }
    }
}
