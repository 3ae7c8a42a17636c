package dev.jhttp.server.files;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The names a client may give a file or folder it writes: those {@link PathResolver} would serve, and besides only
 * names that are safe on any file system the folder may be copied to or served from. A name is refused if it is
 * empty, {@code .} or {@code ..}, longer than 255 UTF-8 bytes, holds a separator, a control character, U+FFFD (what
 * undecodable bytes became), a bidirectional control (which can make {@code exe.txt} show as {@code txt.exe}), or a
 * character Windows names cannot hold ({@code < > : " | ? *}); if it ends with a dot or space (Windows drops them),
 * is a Windows device name ({@code CON}, {@code nul.txt}, {@code LPT1}…), is hidden (unless hidden files are
 * served), or is an unfinished upload's; and if its NFKC form would be refused ({@code ．．} is {@code ..}).
 */
final class UploadNames {
    /** How unfinished uploads' temporary files are named; never served, listed or written by name. */
    static final String TEMPORARY_PREFIX = ".jhttp-upload-";
    private static final int MAX_BYTES = 255;
    private static final String WINDOWS_RESERVED = "<>:\"|?*";
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
            "LPT7", "LPT8", "LPT9");

    private UploadNames() {
    }

    /** Why {@code name} may not be written, or empty if it may. */
    static Optional<String> refusal(String name, boolean showHidden) {
        Optional<String> refusal = refusalAsIs(name, showHidden);
        if (refusal.isPresent()) {
            return refusal;
        }
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return normalized.equals(name) ? Optional.empty() : refusalAsIs(normalized, showHidden)
                .map(reason -> "its compatibility form (NFKC) is refused: " + reason);
    }

    private static Optional<String> refusalAsIs(String name, boolean showHidden) {
        if (name.isEmpty()) {
            return Optional.of("the name is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("'.' and '..' name no new file");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("the name is longer than " + MAX_BYTES + " bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            Optional<String> refused = refusal(name.charAt(i));
            if (refused.isPresent()) {
                return refused;
            }
        }
        if (name.startsWith(TEMPORARY_PREFIX)) {
            return Optional.of("the name is reserved for unfinished uploads");
        }
        if (name.charAt(0) == '.' && !showHidden) {
            return Optional.of("the name is hidden (starts with '.')");
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            return Optional.of("the name ends with a dot or space, which Windows drops");
        }
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        if (DEVICES.contains(base)) {
            return Optional.of("the name is a Windows device name");
        }
        return Optional.empty();
    }

    private static Optional<String> refusal(char c) {
        if (c == '/' || c == '\\') {
            return Optional.of("the name holds a path separator");
        }
        if (isControl(c)) {
            return Optional.of("the name holds a control character");
        }
        if (c == '\ufffd') {
            return Optional.of("the name holds U+FFFD (it was not valid UTF-8)");
        }
        if (isBidiControl(c)) {
            return Optional.of("the name holds a bidirectional control, which can disguise it");
        }
        if (WINDOWS_RESERVED.indexOf(c) >= 0) {
            return Optional.of("the name holds one of < > : \" | ? *, which Windows names cannot");
        }
        return Optional.empty();
    }

    /** A C0 or C1 control character. */
    static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    /** A bidirectional control: embeddings, overrides, isolates and the directional marks. */
    static boolean isBidiControl(char c) {
        return c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f'
                || c == '\u061c';
    }
}
