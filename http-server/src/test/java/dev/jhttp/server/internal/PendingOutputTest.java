package dev.jhttp.server.internal;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import dev.jhttp.core.write.ResponseWriter;
import dev.jhttp.server.tls.TlsDetails;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Whatever the socket takes at each call, the client receives the head and exactly the file's bytes asked for. */
class PendingOutputTest {
    private static final int FILE_SIZE = 3 * PendingOutput.WHOLE + 12_345;
    /** A fixed clock: the head written for the expectation has the same Date as the one sent. */
    private static final ResponseWriter WRITER =
            ResponseWriter.create(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    @TempDir
    static Path folder;
    private static Path file;
    private static byte[] content;

    @BeforeAll
    static void writeFile() throws IOException {
        content = new byte[FILE_SIZE];
        new Random(7).nextBytes(content);
        file = Files.write(folder.resolve("data.bin"), content);
    }

    @Test
    void theClientGetsTheHeadThenTheRegionWhateverEachWriteTakes() {
        // Regions around the lead's bounds; heads from a few bytes to larger than the lead; sockets that take from
        // nothing to everything at each call.
        qt().withExamples(400).forAll(integers().between(0, FILE_SIZE - 1), integers().between(0, FILE_SIZE),
                        integers().between(0, PendingOutput.LEAD + 100), longs().all())
                .checkAssert((offset, length, padding, seed) -> {
                    int region = Math.min(length, FILE_SIZE - offset);
                    Response response = Response.of(Status.OK_200).withHeader("x-padding", "p".repeat(padding))
                            .withBody(Body.ofFile(file, offset, region));
                    ByteBuffer head = WRITER.head(response, Version.HTTP_1_1);
                    SocketLike socket = new SocketLike(new Random(seed));
                    try (PendingOutput output = PendingOutput.of(WRITER, response, Version.HTTP_1_1, true)) {
                        for (int calls = 0; !output.writeTo(socket); calls++) {
                            assertThat(calls).as("finishes once the socket takes bytes").isLessThan(1_000_000);
                        }
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                    byte[] expected = new byte[head.remaining() + region];
                    head.get(expected, 0, head.remaining());
                    System.arraycopy(content, offset, expected, expected.length - region, region);
                    assertThat(socket.received()).isEqualTo(expected);
                });
    }

    @Test
    void aFileShorterThanItsRegionFailsRatherThanSendTooLittle() throws IOException {
        Path small = Files.write(folder.resolve("small.bin"), Arrays.copyOf(content, 10_000));
        Response withinTheLead = Response.of(Status.OK_200).withBody(Body.ofFile(small, 0, 20_000));
        assertThatThrownBy(() -> PendingOutput.of(WRITER, withinTheLead, Version.HTTP_1_1, true))
                .isInstanceOf(IOException.class).hasMessageContaining("shrank");

        Path large = Files.write(folder.resolve("large.bin"), Arrays.copyOf(content, PendingOutput.WHOLE + 1_000));
        Response pastTheLead = Response.of(Status.OK_200).withBody(Body.ofFile(large, 0, FILE_SIZE));
        try (PendingOutput output = PendingOutput.of(WRITER, pastTheLead, Version.HTTP_1_1, true)) {
            SocketLike socket = new SocketLike(new Random(1));
            assertThatThrownBy(() -> {
                while (!output.writeTo(socket)) {
                    // until the transfer meets the file's end
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("shrank");
        }
    }

    @Test
    void pastTheLeadsAllowedOutAtOnceAHeadGoesAloneAndTheFileByTransfer() throws IOException {
        // A small file goes out whole in its lead: no transfer. With every lead held (writers blocked on slow
        // clients), the next response is still whole and exact, its file sent by transfer; a lead given back is
        // taken again.
        Response small = Response.of(Status.OK_200).withBody(Body.ofFile(file, 0, 1_000));
        List<PendingOutput> held = new ArrayList<>();
        try {
            for (int i = 0; i < PendingOutput.MAX_LEADS; i++) {
                held.add(PendingOutput.of(WRITER, small, Version.HTTP_1_1, true));
            }
            SocketLike past = sendWhole(small);
            assertThat(past.transfers).isPositive();
            assertThat(past.received()).endsWith(Arrays.copyOf(content, 1_000));

            held.remove(0).close();
            assertThat(sendWhole(small).transfers).isZero();
        } finally {
            held.forEach(PendingOutput::close);
        }
        assertThat(sendWhole(small).transfers).isZero();
    }

    /** Sends {@code response} to a socket that takes all it is offered. */
    private static SocketLike sendWhole(Response response) throws IOException {
        SocketLike socket = new SocketLike(() -> Integer.MAX_VALUE);
        try (PendingOutput output = PendingOutput.of(WRITER, response, Version.HTTP_1_1, true)) {
            while (!output.writeTo(socket)) {
                // the socket takes more at later calls
            }
        }
        return socket;
    }

    /** A non-blocking socket that takes up to what {@code allowance} says at each call. */
    private static final class SocketLike implements Transport {
        private final IntSupplier allowance;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int transfers;

        SocketLike(IntSupplier allowance) {
            this.allowance = allowance;
        }

        /** A socket that takes a random share of what it is offered: nothing a quarter of the time. */
        SocketLike(Random random) {
            this(() -> random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3 * PendingOutput.LEAD));
        }

        byte[] received() {
            return received.toByteArray();
        }

        @Override
        public long write(ByteBuffer[] from, int offset, int length) {
            int allowed = allowance.getAsInt();
            long taken = 0;
            for (int i = offset; i < offset + length && taken < allowed; i++) {
                int n = (int) Math.min(from[i].remaining(), allowed - taken);
                byte[] bytes = new byte[n];
                from[i].get(bytes);
                received.writeBytes(bytes);
                taken += n;
            }
            return taken;
        }

        @Override
        public long transferFrom(FileChannel source, long position, long count) throws IOException {
            transfers++;
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(count, allowance.getAsInt()));
            int read = Math.max(0, source.read(bytes, position)); // like sendfile: nothing past the end
            received.write(bytes.array(), 0, read);
            return read;
        }

        @Override
        public int read(ByteBuffer into) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SocketChannel channel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean handshake() {
            return true;
        }

        @Override
        public boolean hasBufferedInput() {
            return false;
        }

        @Override
        public boolean flush() {
            return true;
        }

        @Override
        public boolean holdsOutput() {
            return false;
        }

        @Override
        public void shutdownOutput() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release() {
        }

        @Override
        public Optional<TlsDetails> tls() {
            return Optional.empty();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
