package dev.jhttp.server.internal;

import dev.jhttp.core.Body;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.StandardOpenOption;

/**
 * A response on its way out of a non-blocking channel: bytes in memory (a head, and a small body with it), then
 * perhaps a file region sent by zero-copy transfer. Each {@link #writeTo} writes what the socket takes now.
 */
final class PendingOutput {
    private final ByteBuffer[] parts;
    private final Body.FileRegion region;
    private FileChannel file;
    private long position;

    private PendingOutput(ByteBuffer[] parts, Body.FileRegion region) {
        this.parts = parts;
        this.region = region;
    }

    /** {@code head} and {@code body} (which may be empty), written in one gathering write where they fit. */
    static PendingOutput of(ByteBuffer head, ByteBuffer body) {
        return new PendingOutput(new ByteBuffer[] {head, body}, null);
    }

    /** {@code head}, then {@code region} by zero-copy transfer. */
    static PendingOutput of(ByteBuffer head, Body.FileRegion region) {
        return new PendingOutput(new ByteBuffer[] {head}, region);
    }

    /** Writes what {@code channel} takes now; true once everything is written. */
    boolean writeTo(SocketChannel channel) throws IOException {
        while (parts[0].hasRemaining() || parts[parts.length - 1].hasRemaining()) {
            if (channel.write(parts) == 0) {
                return false;
            }
        }
        return region == null || transfer(channel);
    }

    /** Closes the file, if one is open; the response will not be finished. */
    void abandon() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // nothing was written from it that a close could lose
            }
        }
    }

    private boolean transfer(SocketChannel channel) throws IOException {
        if (file == null) {
            file = FileChannel.open(region.path(), StandardOpenOption.READ);
            position = region.offset();
        }
        long end = region.offset() + region.length();
        while (position < end) {
            long sent = file.transferTo(position, end - position, channel);
            if (sent == 0) {
                if (file.size() <= position) {
                    throw new IOException("file " + region.path() + " shrank while being sent");
                }
                return false;
            }
            position += sent;
        }
        file.close();
        return true;
    }
}
