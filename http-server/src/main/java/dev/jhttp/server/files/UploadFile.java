package dev.jhttp.server.files;

import dev.jhttp.server.HttpException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One file being uploaded: written to a temporary file in its folder (so the final rename stays on one file system),
 * then given its name only once complete and on disk. Until {@link #commit} it can be {@link #discard}ed, which is
 * what every failure does, so an upload that does not finish leaves nothing behind.
 */
final class UploadFile implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 64 * 1024;

    private final Path temporary;
    private boolean committed;

    private UploadFile(Path temporary) {
        this.temporary = temporary;
    }

    /**
     * A new, empty temporary file in {@code folder}.
     *
     * @throws HttpException 507 if it cannot be created
     */
    static UploadFile in(Path folder) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        Path temporary = folder.resolve(UploadNames.TEMPORARY_PREFIX + HexFormat.of().formatHex(random) + ".part");
        try {
            return new UploadFile(Files.createFile(temporary));
        } catch (IOException e) {
            throw UploadAnswers.cannotStore(e);
        }
    }

    /**
     * Copies {@code content} into the file and forces it to disk; returns the octets written.
     *
     * @throws HttpException 413 once more than {@code maxSize} octets came, 507 if writing fails (a full disk)
     * @throws IOException if reading {@code content} fails: the client's failure, passed on as it is
     */
    long write(InputStream content, long maxSize) throws IOException {
        long written = 0;
        byte[] buffer = new byte[BUFFER];
        try (FileChannel out = open()) {
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                written += n;
                if (written > maxSize) {
                    throw UploadAnswers.tooLarge(maxSize);
                }
                try {
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                } catch (IOException e) {
                    throw UploadAnswers.cannotStore(e);
                }
            }
            try {
                out.force(true);
            } catch (IOException e) {
                throw UploadAnswers.cannotStore(e);
            }
        }
        return written;
    }

    /**
     * Gives the file its name: atomically, and without replacing an existing entry unless {@code replace}. Without
     * it a hard link names the file, which fails if the name exists however close two uploads come; where the file
     * system has no hard links a move that checks first does it, leaving a moment between check and move.
     *
     * @return whether an existing file was replaced
     * @throws HttpException 409 if the name exists (and may not be replaced) or is a folder, 507 if the file system
     *     refuses
     */
    boolean commit(Path target, boolean replace) {
        boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        try {
            if (replace) {
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw UploadAnswers.exists(target, true);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                link(target);
            }
            committed = true;
            return existed && replace;
        } catch (FileAlreadyExistsException e) {
            throw UploadAnswers.exists(target, Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw UploadAnswers.cannotStore(e);
        }
    }

    private void link(Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            Files.move(temporary, target);
            return;
        }
        Files.delete(temporary);
    }

    /** Removes the temporary file unless it was committed; never fails. */
    void discard() {
        if (!committed) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // nothing more to do: the name marks it as an unfinished upload, never served or listed
            }
        }
    }

    @Override
    public void close() {
        discard();
    }

    private FileChannel open() {
        try {
            return FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw UploadAnswers.cannotStore(e);
        }
    }
}
