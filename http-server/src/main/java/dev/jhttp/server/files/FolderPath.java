package dev.jhttp.server.files;

import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.RequestTarget;
import dev.jhttp.core.Status;
import dev.jhttp.core.headers.PercentEncoding;
import dev.jhttp.server.HttpException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A write's path: its decoded segments (so an encoded {@code /} stays inside its segment, to be refused there) and
 * whether it ends with a slash, naming a folder. What it names is looked up through the {@link PathResolver}, the
 * same policy as reading.
 */
record FolderPath(List<String> segments, boolean isFolder) {
    static FolderPath of(Request request) {
        RequestTarget target = request.target();
        if (target.form() != RequestTarget.Form.ORIGIN && target.form() != RequestTarget.Form.ABSOLUTE) {
            throw new HttpException(Status.BAD_REQUEST_400, "no file for a " + target.form() + " target");
        }
        List<String> segments = target.pathSegments();
        boolean folder = segments.isEmpty() || segments.getLast().isEmpty();
        return new FolderPath(folder && !segments.isEmpty() ? segments.subList(0, segments.size() - 1) : segments,
                folder);
    }

    /** The last segment: the name a file is written under. */
    String name() {
        return segments.getLast();
    }

    /** This folder's entry {@code name}. */
    FolderPath child(String name) {
        List<String> child = new ArrayList<>(segments);
        child.add(name);
        return new FolderPath(child, false);
    }

    /**
     * The folder that holds the named file.
     *
     * @throws HttpException 404 if it is no folder that may be served
     */
    Path parent(PathResolver resolver) {
        return new FolderPath(segments.subList(0, segments.size() - 1), true).folder(resolver);
    }

    /**
     * The folder this path names.
     *
     * @throws HttpException 404 if it is no folder that may be served, 405 if it is a file
     */
    Path folder(PathResolver resolver) {
        PathResolver.Found found = entry(resolver);
        if (!found.attributes().isDirectory()) {
            throw HttpException.explained(Status.METHOD_NOT_ALLOWED_405, "a POST goes to a folder, not to a file",
                    Headers.of("Allow", "GET, HEAD, OPTIONS, PUT"));
        }
        return found.path();
    }

    /**
     * The file or folder this path names.
     *
     * @throws HttpException 404 if there is none that may be served
     */
    PathResolver.Found entry(PathResolver resolver) {
        return resolver.resolve(segments).orElseThrow(() -> HttpException.explained(Status.NOT_FOUND_404,
                "no such file or folder: " + url(segments.size(), false), Headers.empty()));
    }

    /** The folder's URL path, with its slash. */
    String folderUrl() {
        return url(segments.size(), true);
    }

    /** The URL path of the folder that holds the named file, with its slash. */
    String parentUrl() {
        return url(segments.size() - 1, true);
    }

    static String encode(String name) {
        return PercentEncoding.encodePathSegment(name);
    }

    private String url(int count, boolean slash) {
        StringBuilder url = new StringBuilder();
        for (String segment : segments.subList(0, count)) {
            url.append('/').append(encode(segment));
        }
        return url.isEmpty() || slash ? url.append('/').toString() : url.toString();
    }
}
