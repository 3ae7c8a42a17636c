package dev.jhttp.server.internal;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Version;
import dev.jhttp.core.write.ResponseWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A response on its way out of a connection's transport, in as few system calls as its body allows: the head and a
 * body in memory in one gathering write; the head and a file's first bytes in one write, the rest of the file by
 * zero-copy transfer (through TLS, in chunks). On a non-blocking channel each {@link #writeTo} writes what the
 * socket takes now; on a blocking one, everything. Closing it closes the file, if one is still open.
 *
 * <p>Why a file's first bytes ride with the head: a head written alone leaves in a packet of its own, which wakes the
 * client before the file's bytes follow, and the client then pulls the rest through its acknowledgements, on its own
 * CPU. nginx holds the head back with {@code TCP_CORK}, which the JDK does not offer; a full first segment does the
 * same (docs/engine.md, "Large files").
 */
final class PendingOutput implements AutoCloseable {
    /** The head and a file's first bytes fill this much: one full segment on loopback and with GSO. */
    static final int LEAD = 64 * 1024;
    /** A response up to this size goes out whole in its lead, rather than leave a short tail to a transfer of its own. */
    static final int WHOLE = LEAD + 16 * 1024;
    /**
     * Leads out at once, at most. A lead lives inside one {@link #writeTo}, but a thread writing to a blocking socket
     * holds its lead while a slow client takes it: past this many, heads go out alone and memory stays bounded.
     */
    static final int MAX_LEADS = 64;
    private static final BufferPool LEADS = new BufferPool(WHOLE, MAX_LEADS);
    private static final AtomicInteger LEADS_OUT = new AtomicInteger();
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final ByteBuffer[] parts;
    private final FileChannel file;
    private final Path path;
    private final long end;
    /** The file's next byte to send. */
    private long position;
    /** The head and the file's first bytes, until the first {@link #writeTo} gives the buffer back. */
    private ByteBuffer lead;

    private PendingOutput(ByteBuffer head, ByteBuffer body, Path path, FileChannel file, long position, long end) {
        this.parts = new ByteBuffer[] {head, body};
        this.path = path;
        this.file = file;
        this.position = position;
        this.end = end;
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
            return new PendingOutput(writer.head(response, version), bytes.asByteBuffer(), null, null, 0, 0);
        }
        if (body instanceof Body.FileRegion region) {
            return file(writer.head(response, version), region);
        }
        return null;
    }

    /** Bytes ready to send, such as a whole response written out already. */
    static PendingOutput bytes(ByteBuffer bytes) {
        return new PendingOutput(bytes, NOTHING, null, null, 0, 0);
    }

    private static PendingOutput file(ByteBuffer head, Body.FileRegion region) throws IOException {
        FileChannel file = FileChannel.open(region.path(), StandardOpenOption.READ);
        PendingOutput output = new PendingOutput(head, NOTHING, region.path(), file, region.offset(),
                region.offset() + region.length());
        try {
            output.readLead();
        } catch (IOException | RuntimeException e) {
            output.close();
            throw e;
        }
        return output;
    }

    /** Writes what {@code transport} takes now (all of it, if it blocks); true once everything is written. */
    boolean writeTo(Transport transport) throws IOException {
        if (lead != null) {
            writeLead(transport);
        }
        while (parts[0].hasRemaining() || parts[1].hasRemaining()) {
            if (transport.write(parts) == 0) {
                return false;
            }
        }
        return (file == null || transfer(transport)) && transport.flush();
    }

    @Override
    public void close() {
        giveLeadBack();
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // only read from: nothing a close could lose
            }
        }
    }

    /** Copies the head, then as much of the file as fits after it, into a lead buffer (unless the head fills it). */
    private void readLead() throws IOException {
        ByteBuffer head = parts[0];
        if (head.remaining() >= LEAD) {
            return;
        }
        if (LEADS_OUT.incrementAndGet() > MAX_LEADS) {
            LEADS_OUT.decrementAndGet();
            return;
        }
        try {
            lead = LEADS.take();
        } finally {
            if (lead == null) {
                LEADS_OUT.decrementAndGet(); // out of direct memory: nothing was taken
            }
        }
        lead.put(head.duplicate());
        long whole = lead.position() + (end - position);
        lead.limit((int) (whole <= WHOLE ? whole : LEAD));
        long next = position;
        while (lead.hasRemaining()) {
            int read = file.read(lead, next);
            if (read < 0) {
                throw shrank();
            }
            next += read;
        }
        lead.flip();
    }

    /**
     * Writes the lead as far as the transport takes it now and gives the buffer back, so that a connection waiting
     * for its client holds none: what was not taken goes out later from the head and the file.
     */
    private void writeLead(Transport transport) throws IOException {
        try {
            while (lead.hasRemaining() && transport.write(lead) > 0) {
                // a non-blocking socket may take part now; a blocking one takes it all
            }
            ByteBuffer head = parts[0];
            int headSent = Math.min(lead.position(), head.remaining());
            position += lead.position() - headSent;
            head.position(head.position() + headSent);
        } finally {
            giveLeadBack();
        }
    }

    private void giveLeadBack() {
        if (lead != null) {
            LEADS.give(lead);
            lead = null;
            LEADS_OUT.decrementAndGet();
        }
    }

    private boolean transfer(Transport transport) throws IOException {
        while (position < end) {
            long sent = transport.transferFrom(file, position, end - position);
            if (sent == 0) {
                if (file.size() <= position) {
                    throw shrank();
                }
                return false;
            }
            position += sent;
        }
        close();
        return true;
    }

    private IOException shrank() {
        return new IOException("file " + path + " shrank while being sent");
    }
}
