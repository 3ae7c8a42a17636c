package dev.jhttp.server.forms;

import dev.jhttp.core.forms.MultipartEvent;
import dev.jhttp.core.forms.MultipartReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The parts of a {@code multipart/form-data} request body, one at a time, each part's content streamed from the
 * request through a fixed buffer: a file part of any size goes where the handler writes it without being held.
 *
 * {@snippet :
 * try (MultipartParts parts = Forms.parts(request)) {
 *     for (Optional<FormPart> part = parts.next(); part.isPresent(); part = parts.next()) {
 *         if (part.get().head().isFile()) {
 *             Files.copy(part.get().content(), uploads.resolve(UUID.randomUUID().toString()));
 *         }
 *     }
 * }
 * }
 */
public final class MultipartParts implements AutoCloseable {
    private static final int BUFFER = 16 * 1024;

    private final InputStream source;
    private final MultipartReader reader;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).flip();
    /** The content piece being read, or null between pieces. */
    private ByteBuffer piece;
    private boolean inPart;
    /** Counts the parts reached, so a stale part's stream reads nothing of the next. */
    private int partNumber;
    private boolean finished;

    MultipartParts(InputStream source, MultipartReader reader) {
        this.source = source;
        this.reader = reader;
    }

    /**
     * The next part, once what is left of the current one is skipped; empty after the last.
     *
     * @throws FormException if the body breaks a rule or a limit
     * @throws UncheckedIOException if reading the request fails
     */
    public Optional<FormPart> next() {
        try {
            while (inPart) {
                nextPiece();
            }
            if (finished) {
                return Optional.empty();
            }
            MultipartEvent event = event();
            if (event instanceof MultipartEvent.PartStarted(var head)) {
                inPart = true;
                return Optional.of(new FormPart(head, new Content(++partNumber)));
            }
            finished = true;   // Finished: the close delimiter came
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves to the current part's next piece of content; false (and out of the part) at its end. */
    private boolean nextPiece() throws IOException {
        MultipartEvent event = event();
        if (event instanceof MultipartEvent.Content(ByteBuffer bytes)) {
            piece = bytes;
            return true;
        }
        piece = null;
        inPart = false;   // PartEnded
        return false;
    }

    /** The reader's next event other than NeedMore, reading the request as needed; a failure is thrown. */
    private MultipartEvent event() throws IOException {
        while (true) {
            MultipartEvent event = reader.read(buffer);
            if (event instanceof MultipartEvent.NeedMore) {
                int read = source.read(buffer.clear().array(), 0, BUFFER);
                buffer.limit(Math.max(read, 0));
                if (read < 0) {
                    event = reader.finish();
                } else {
                    continue;
                }
            }
            if (event instanceof MultipartEvent.Failed(var error)) {
                throw new FormException(error);
            }
            return event;
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** The current part's content: its pieces, in order, until it ends. */
    private final class Content extends InputStream {
        private final int part;

        Content(int part) {
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (piece == null || !piece.hasRemaining()) {
                if (part != partNumber || !inPart || !nextPiece()) {
                    return -1;
                }
            }
            int n = Math.min(length, piece.remaining());
            piece.get(into, offset, n);
            return n;
        }
    }
}
