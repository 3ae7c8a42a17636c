package dev.jhttp.server.files;

import dev.jhttp.core.Body;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of small files, kept in memory so that serving one costs no open, read or close. An entry is used only
 * while the size and modification time that the path lookup read for this request match those it was read with; a
 * changed file is read again. Memory is bounded: files over 16 KiB are never kept, and once 16 MiB are held, no more.
 */
final class SmallFileCache {
    static final int MAX_FILE_SIZE = 16 * 1024;
    private static final long MAX_TOTAL = 16L * 1024 * 1024;

    /** The content as an immutable body, shared by every response that sends it. */
    private record Entry(long size, Instant modified, Body body) {
    }

    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();

    /**
     * The file's content from memory, or read now; empty when it is too large to keep or changed while read.
     *
     * @throws IOException if it cannot be read
     */
    Optional<Body> body(Path file, long size, Instant modified) throws IOException {
        if (size > MAX_FILE_SIZE) {
            return Optional.empty();
        }
        Entry entry = entries.get(file);
        if (entry != null && entry.size() == size && entry.modified().equals(modified)) {
            return Optional.of(entry.body());
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != size) {
            return Optional.empty(); // changed since it was looked up: let the caller send it as a file region
        }
        Body body = Body.of(bytes);
        keep(file, new Entry(size, modified, body), entry);
        return Optional.of(body);
    }

    private void keep(Path file, Entry fresh, Entry stale) {
        long change = fresh.size() - (stale == null ? 0 : stale.size());
        if (held.get() + change > MAX_TOTAL) {
            return;
        }
        boolean stored = stale == null ? entries.putIfAbsent(file, fresh) == null : entries.replace(file, stale, fresh);
        if (stored) {
            held.addAndGet(change);
        }
    }
}
