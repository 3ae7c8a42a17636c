package dev.jhttp.server.internal;

import dev.jhttp.server.tls.TlsDetails;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/** Cleartext: the socket's own reads and writes, and zero-copy transfer ({@code sendfile}) for files. */
final class PlainTransport implements Transport {
    private final SocketChannel channel;

    PlainTransport(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public boolean handshake() {
        return true; // cleartext has none
    }

    @Override
    public boolean hasBufferedInput() {
        return false;
    }

    @Override
    public boolean flush() {
        return true; // nothing is held back
    }

    @Override
    public boolean holdsOutput() {
        return false;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        return channel.read(into);
    }

    @Override
    public long write(ByteBuffer[] from, int offset, int length) throws IOException {
        return channel.write(from, offset, length);
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        return file.transferTo(position, count, channel);
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void release() {
        // nothing is buffered here
    }

    @Override
    public Optional<TlsDetails> tls() {
        return Optional.empty();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
