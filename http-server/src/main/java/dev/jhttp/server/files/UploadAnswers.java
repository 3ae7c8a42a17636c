package dev.jhttp.server.files;

import dev.jhttp.core.Headers;
import dev.jhttp.core.Status;
import dev.jhttp.server.HttpException;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

/** The refusals of writes, each telling the client what to change (and never where the folder is on disk). */
final class UploadAnswers {
    private static final System.Logger LOG = System.getLogger("dev.jhttp.server");

    private UploadAnswers() {
    }

    static HttpException tooLarge(long maxSize) {
        return HttpException.explained(Status.CONTENT_TOO_LARGE_413, "an upload may carry at most " + maxSize
                + " bytes", Headers.empty());
    }

    /** 507 (RFC 4918 §11.5); the log says why, the client only that its file was not stored. */
    static HttpException cannotStore(IOException cause) {
        LOG.log(Level.WARNING, "cannot store an upload: " + cause);
        return HttpException.explained(Status.INSUFFICIENT_STORAGE_507,
                "the server could not store the file (its disk may be full); nothing was kept", Headers.empty());
    }

    static HttpException notEnoughSpace(long length) {
        return HttpException.explained(Status.INSUFFICIENT_STORAGE_507, "the server has less than " + length
                + " bytes of space for this upload", Headers.empty());
    }

    /** 409: the name is taken (RFC 9110 §15.5.10 — the client can choose another name, or ask to replace). */
    static HttpException exists(Path target, boolean folder) {
        String name = target.getFileName().toString();
        return HttpException.explained(Status.CONFLICT_409, folder ? "a folder named '" + name + "' exists"
                : "a file named '" + name + "' exists, and this server does not replace files", Headers.empty());
    }

    static HttpException badName(String name, String reason) {
        return HttpException.explained(Status.BAD_REQUEST_400, "cannot write '" + printable(name) + "': " + reason,
                Headers.empty());
    }

    static HttpException forbidden(String reason) {
        return HttpException.explained(Status.FORBIDDEN_403, reason, Headers.empty());
    }

    /** The name with control and bidirectional characters shown as U+XXXX, so a refusal never carries them to a terminal or log. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), 300));
        for (int i = 0; i < name.length() && out.length() < 300; i++) {
            char c = name.charAt(i);
            if (UploadNames.isControl(c) || UploadNames.isBidiControl(c)) {
                out.append(String.format("U+%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
