package dev.jhttp.server.tls;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A certificate that follows its files: when they change, new handshakes get the new certificate, and handshakes
 * already under way finish with the one they chose. A replacement that cannot be read (half-written, corrupt, a key
 * that does not fit) keeps the certificate in use and is logged once, in one line. Files are looked at no more than
 * once per {@link #CHECK_INTERVAL_NANOS}, on the handshake that comes after it.
 */
final class ReloadingCertificate {
    static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

    /** One certificate as read, numbered so that a handshake keeps the one it chose. */
    record Loaded(long serial, ServerCertificate certificate) {
    }

    private final List<Path> files;
    private volatile Loaded current;
    private volatile Loaded previous;
    private List<Object> stamps;
    private List<Object> refusedStamps;
    private long nextCheck;

    ReloadingCertificate(ServerCertificate certificate, long serial) {
        this.files = certificate.files();
        this.current = new Loaded(serial, certificate);
        this.previous = current;
        this.stamps = stamps();
        this.nextCheck = System.nanoTime() + CHECK_INTERVAL_NANOS;
    }

    /** The certificate for a new handshake, read again first if its files changed since they were last looked at. */
    Loaded current(LongSupplier serials) {
        if (!files.isEmpty() && System.nanoTime() - nextCheck >= 0) {
            check(serials);
        }
        return current;
    }

    /** The certificate numbered {@code serial}, if it is still the current or the previous one. */
    ServerCertificate bySerial(long serial) {
        Loaded now = current;
        if (now.serial() == serial) {
            return now.certificate();
        }
        Loaded before = previous;
        return before.serial() == serial ? before.certificate() : null;
    }

    private synchronized void check(LongSupplier serials) {
        if (System.nanoTime() - nextCheck < 0) {
            return; // another handshake has just checked
        }
        nextCheck = System.nanoTime() + CHECK_INTERVAL_NANOS;
        List<Object> now = stamps();
        if (now.equals(stamps) || now.equals(refusedStamps)) {
            return;
        }
        try {
            ServerCertificate reloaded = current.certificate().reload();
            previous = current;
            current = new Loaded(serials.getAsLong(), reloaded);
            stamps = now;
            System.getLogger("dev.jhttp.server").log(Level.INFO, () -> "TLS certificate reloaded from " + files
                    + "; new connections use it (SHA-256 " + reloaded.fingerprintSha256() + ")");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            refusedStamps = now;
            System.getLogger("dev.jhttp.server").log(Level.WARNING, () -> "TLS certificate files changed but cannot "
                    + "be used, keeping the current certificate: " + e.getMessage());
        }
    }

    /** What tells that the files changed: each one's modification time and size (or that it is missing). */
    private List<Object> stamps() {
        List<Object> stamps = new ArrayList<>();
        for (Path file : files) {
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                stamps.add(modified);
                stamps.add(Files.size(file));
            } catch (IOException e) {
                stamps.add("missing");
            }
        }
        return stamps;
    }
}
