package dev.jhttp.server.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Maps decoded path segments to a file under the root, one segment at a time, so no input can step outside it:
 * {@code .} and {@code ..} segments, separators or NUL inside a segment, empty segments, hidden names (unless
 * allowed) and symbolic links (per policy) all resolve to nothing. Containment is checked again on the final path.
 */
final class PathResolver {
    /** A file or directory that may be served, with its attributes as read. */
    record Found(Path path, BasicFileAttributes attributes) {
    }

    private final Path realRoot;
    private final boolean showHidden;
    private final SymlinkPolicy symlinks;

    PathResolver(Path root, boolean showHidden, SymlinkPolicy symlinks) throws IOException {
        this.realRoot = root.toRealPath();
        this.showHidden = showHidden;
        this.symlinks = symlinks;
    }

    /**
     * The file the segments name (a trailing empty segment, from a trailing slash, is ignored here). One lstat per
     * segment tells both what it is and whether it is a link; only a link costs a second look, at its target.
     */
    Optional<Found> resolve(List<String> segments) {
        Path current = realRoot;
        int count = !segments.isEmpty() && segments.getLast().isEmpty() ? segments.size() - 1 : segments.size();
        try {
            BasicFileAttributes attributes = null;
            for (int i = 0; i < count; i++) {
                String segment = segments.get(i);
                if (!isServableName(segment)) {
                    return Optional.empty();
                }
                current = current.resolve(segment);
                if (!current.normalize().startsWith(realRoot)) {
                    return Optional.empty();
                }
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    if (!linkTargetAllowed(current)) {
                        return Optional.empty();
                    }
                    attributes = null; // what the link points at is read below, or at the next segment
                }
            }
            if (attributes == null) {
                attributes = Files.readAttributes(current, BasicFileAttributes.class);
            }
            // A file's readability shows when it is read; a directory's is checked here, before it is listed.
            if (!attributes.isRegularFile() && !attributes.isDirectory()
                    || attributes.isDirectory() && !Files.isReadable(current)) {
                return Optional.empty();
            }
            return Optional.of(new Found(current, attributes));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code path} is the root itself. */
    boolean isRoot(Path path) {
        return path.equals(realRoot);
    }

    /** Whether a directory entry may appear in a listing. */
    boolean isListable(Path entry) {
        return isServableName(entry.getFileName().toString()) && linkAllowed(entry);
    }

    private boolean isServableName(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return false;
        }
        if (!showHidden && segment.charAt(0) == '.' || segment.startsWith(UploadNames.TEMPORARY_PREFIX)) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7F || c == '\ufffd') {
                return false;
            }
        }
        return true;
    }

    /** Whether a listed entry is no link, or a link the policy allows. */
    private boolean linkAllowed(Path path) {
        return !Files.isSymbolicLink(path) || linkTargetAllowed(path);
    }

    private boolean linkTargetAllowed(Path path) {
        return switch (symlinks) {
            case DENY -> false;
            case FOLLOW -> true;
            case WITHIN_ROOT -> {
                try {
                    yield path.toRealPath().startsWith(realRoot);
                } catch (IOException e) {
                    yield false;
                }
            }
        };
    }
}
