package dev.jhttp.server.internal;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Version;
import dev.jhttp.core.write.ResponseWriter;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * A response on its way out of a connection's transport, in as few system calls as its body allows: the head and a
 * small body in one gathering write, a large file after its head by zero-copy transfer (through TLS, in chunks). On
 * a non-blocking channel each {@link #writeTo} writes what the socket takes now; on a blocking one, everything.
 * Closing it closes the file, if one is still open.
 */
final class PendingOutput implements AutoCloseable {
    /** Up to this size a file is read and written with its head, above it sent by zero-copy transfer. */
    private static final int SMALL_FILE = 16 * 1024;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final ByteBuffer[] parts;
    private final Body.FileRegion region;
    private FileChannel file;
    private long position;

    private PendingOutput(ByteBuffer head, ByteBuffer body, Body.FileRegion region) {
        this.parts = new ByteBuffer[] {head, body};
        this.region = region;
    }

    /**
     * {@code response}, whose fields are final, for a client speaking {@code version}; null when its body streams and
     * must be written through a stream instead.
     *
     * @param content whether the body goes out (not for HEAD, nor for statuses without content)
     */
    static PendingOutput of(ResponseWriter writer, Response response, Version version, boolean content)
            throws IOException {
        Body body = response.body();
        if (!content || body instanceof Body.Empty) {
            return bytes(writer.head(response, version));
        }
        if (body instanceof Body.Bytes bytes) {
            return new PendingOutput(writer.head(response, version), bytes.asByteBuffer(), null);
        }
        if (body instanceof Body.FileRegion region) {
            // A small file goes out with its head in one write: cheaper than a separate sendfile.
            return region.length() <= SMALL_FILE
                    ? new PendingOutput(writer.head(response, version), readSmall(region), null)
                    : new PendingOutput(writer.head(response, version), NOTHING, region);
        }
        return null;
    }

    /** Bytes ready to send, such as a whole response written out already. */
    static PendingOutput bytes(ByteBuffer bytes) {
        return new PendingOutput(bytes, NOTHING, null);
    }

    /** Writes what {@code transport} takes now (all of it, if it blocks); true once everything is written. */
    boolean writeTo(Transport transport) throws IOException {
        while (parts[0].hasRemaining() || parts[1].hasRemaining()) {
            if (transport.write(parts) == 0) {
                return false;
            }
        }
        return (region == null || transfer(transport)) && transport.flush();
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // only read from: nothing a close could lose
            }
        }
    }

    private boolean transfer(Transport transport) throws IOException {
        if (file == null) {
            file = FileChannel.open(region.path(), StandardOpenOption.READ);
            position = region.offset();
        }
        long end = region.offset() + region.length();
        while (position < end) {
            long sent = transport.transferFrom(file, position, end - position);
            if (sent == 0) {
                if (file.size() <= position) {
                    throw new IOException("file " + region.path() + " shrank while being sent");
                }
                return false;
            }
            position += sent;
        }
        close();
        return true;
    }

    /** The bytes of a small file region. */
    private static ByteBuffer readSmall(Body.FileRegion region) throws IOException {
        byte[] bytes = new byte[(int) region.length()];
        try (RandomAccessFile read = new RandomAccessFile(region.path().toFile(), "r")) {
            if (region.offset() > 0) {
                read.seek(region.offset());
            }
            read.readFully(bytes);
        } catch (EOFException e) {
            throw new IOException("file " + region.path() + " shrank while being sent", e);
        }
        return ByteBuffer.wrap(bytes);
    }
}
