package dev.jhttp.server.files;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.RequestTarget;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.headers.ByteRanges;
import dev.jhttp.core.headers.HttpDate;
import dev.jhttp.core.headers.PercentEncoding;
import dev.jhttp.core.headers.QualityList;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Serves the files under a root directory. Paths are resolved one decoded segment at a time and never leave the root
 * (see {@link SymlinkPolicy}); dot-files are hidden by default. Files carry a strong ETag (size and modification
 * time) and Last-Modified, and conditional and range requests follow RFC 9110 §13 and §14. A directory is served by
 * its {@code index.html}, or by a listing when enabled; a directory path without its trailing slash is redirected
 * (301) to it. GET, HEAD and OPTIONS are served; other known methods get 405 with {@code Allow}, unknown ones 501.
 *
 * {@snippet :
 * Handler files = StaticFiles.serving(Path.of("static")).withListing(true);
 * HttpServer.create(ServerConfig.defaults().withPort(8000), files).start();
 * }
 */
public final class StaticFiles implements Handler {
    private static final Set<Method> WRITES = Set.of(Method.PUT, Method.POST, Method.DELETE);
    private static final Set<Method> KNOWN = Set.of(Method.POST, Method.PUT, Method.DELETE, Method.PATCH,
            Method.CONNECT, Method.TRACE);
    private static final int MAX_RANGES = 16;

    /** The switches a StaticFiles has, by name. */
    private enum Feature { LISTING, HIDDEN_FILES, SPA, GZIP }

    /** What a StaticFiles does, beyond its root; {@code uploads} is null when it takes no writes. */
    private record Settings(Set<Feature> features, SymlinkPolicy symlinks, String indexFile, String cacheControl,
                            Uploads uploads) {
        Settings {
            features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
            Objects.requireNonNull(symlinks, "symlinks");
            Objects.requireNonNull(indexFile, "indexFile");
            Objects.requireNonNull(cacheControl, "cacheControl");
        }

        boolean has(Feature feature) {
            return features.contains(feature);
        }

        Settings with(Feature feature, boolean on) {
            Set<Feature> changed = EnumSet.noneOf(Feature.class);
            changed.addAll(features);
            if (on) {
                changed.add(feature);
            } else {
                changed.remove(feature);
            }
            return new Settings(changed, symlinks, indexFile, cacheControl, uploads);
        }
    }

    private final Path root;
    private final Settings settings;
    private final PathResolver resolver;
    private final FolderWriter writer;
    private final String allow;
    private final SmallFileCache smallFiles = new SmallFileCache();

    private StaticFiles(Path root, Settings settings) {
        this.root = root;
        this.settings = settings;
        try {
            this.resolver = new PathResolver(root, settings.has(Feature.HIDDEN_FILES), settings.symlinks());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + root + ": " + e.getMessage(), e);
        }
        Uploads uploads = settings.uploads();
        this.writer = uploads == null ? null
                : new FolderWriter(resolver, uploads, settings.has(Feature.HIDDEN_FILES));
        this.allow = "GET, HEAD, OPTIONS" + (uploads == null ? "" : ", POST, PUT")
                + (uploads != null && uploads.delete() ? ", DELETE" : "");
    }

    /**
     * Serves {@code root}: no listing, {@code index.html}, hidden files and symlinks denied, {@code Cache-Control:
     * no-cache} (so clients revalidate with the validators), a {@code 404.html} in the root as the not-found page,
     * precompressed {@code .br}/{@code .gz} siblings when the client accepts them, no on-the-fly compression. Files
     * up to 16 KiB are kept in memory while their size and modification time stay the same.
     *
     * @throws IllegalArgumentException if {@code root} is not a directory
     * @throws UncheckedIOException if it cannot be resolved
     */
    public static StaticFiles serving(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a directory: " + root);
        }
        return new StaticFiles(root, new Settings(Set.of(), SymlinkPolicy.DENY, "index.html", "no-cache", null));
    }

    /** Lists directories that have no index file (HTML, JSON or text; {@code ?download=zip} zips them). */
    public StaticFiles withListing(boolean value) {
        return new StaticFiles(root, settings.with(Feature.LISTING, value));
    }

    /** Serves dot-files and lists them; without it they are answered as missing. */
    public StaticFiles withHiddenFiles(boolean value) {
        return new StaticFiles(root, settings.with(Feature.HIDDEN_FILES, value));
    }

    /** Which symbolic links are followed. */
    public StaticFiles withSymlinks(SymlinkPolicy value) {
        return new StaticFiles(root, new Settings(settings.features(), value, settings.indexFile(),
                settings.cacheControl(), settings.uploads()));
    }

    /** The file that serves a directory, {@code index.html} by default. */
    public StaticFiles withIndexFile(String value) {
        return new StaticFiles(root, new Settings(settings.features(), settings.symlinks(), value,
                settings.cacheControl(), settings.uploads()));
    }

    /** The {@code Cache-Control} value of files, {@code no-cache} by default. */
    public StaticFiles withCacheControl(String value) {
        return new StaticFiles(root, new Settings(settings.features(), settings.symlinks(), settings.indexFile(),
                value, settings.uploads()));
    }

    /** Single-page-app mode: unknown paths asked for as HTML get the root's index file, with 200. */
    public StaticFiles withSpa(boolean value) {
        return new StaticFiles(root, settings.with(Feature.SPA, value));
    }

    /**
     * Takes writes as {@code value} allows them ({@code PUT}, {@code POST} of files or folders, {@code DELETE}), and
     * shows an upload form on listings; null takes none (the default: writes get 405).
     */
    public StaticFiles withUploads(Uploads value) {
        return new StaticFiles(root, new Settings(settings.features(), settings.symlinks(), settings.indexFile(),
                settings.cacheControl(), value));
    }

    /** Compresses text files of 1 KiB or more with gzip on the fly for clients that accept it. */
    public StaticFiles withGzip(boolean value) {
        return new StaticFiles(root, settings.with(Feature.GZIP, value));
    }

    /**
     * Files are read from the local file system: promptly, so the server may serve them on its I/O threads. A write
     * reads the request's content as it arrives, which blocks.
     */
    @Override
    public boolean mayBlock(Request request) {
        return writer != null && WRITES.contains(request.method());
    }

    @Override
    public Response handle(Request request) throws IOException {
        Method method = request.method();
        if (method.equals(Method.OPTIONS)) {
            return Response.of(Status.NO_CONTENT_204).withHeader(HeaderName.ALLOW.name(), allow);
        }
        if (writer != null && WRITES.contains(method)
                && (!method.equals(Method.DELETE) || settings.uploads().delete())) {
            return writer.write(request);
        }
        if (!method.equals(Method.GET) && !method.equals(Method.HEAD)) {
            throw KNOWN.contains(method)
                    ? new HttpException(Status.METHOD_NOT_ALLOWED_405, method + " on a static file",
                            Headers.of(HeaderName.ALLOW.name(), allow))
                    : new HttpException(Status.NOT_IMPLEMENTED_501, "unknown method " + method);
        }
        RequestTarget target = request.target();
        if (target.form() != RequestTarget.Form.ORIGIN && target.form() != RequestTarget.Form.ABSOLUTE) {
            throw new HttpException(Status.BAD_REQUEST_400, "no file for a " + target.form() + " target");
        }
        return serve(request).orElseGet(() -> notFound(request));
    }

    /**
     * What answers when there is nothing to serve: SPA mode's index for HTML requests, else the root's 404.html with
     * status 404, else a plain 404.
     *
     * @throws HttpException 404 when neither exists
     */
    private Response notFound(Request request) {
        QualityList accept = QualityList.parse(request.headers().first(HeaderName.ACCEPT).orElse(null));
        if (settings.has(Feature.SPA) && accept.qualityOfMediaType("text/html") > 0) {
            Optional<Response> index = resolver.resolve(List.of(settings.indexFile()))
                    .filter(found -> found.attributes().isRegularFile())
                    .flatMap(found -> serveFile(request, found));
            if (index.isPresent()) {
                return index.get();
            }
        }
        return resolver.resolve(List.of("404.html"))
                .filter(page -> page.attributes().isRegularFile() && Files.isReadable(page.path()))
                .map(page -> Response.of(Status.NOT_FOUND_404, Headers.of(HeaderName.CONTENT_TYPE.name(),
                        "text/html; charset=utf-8", HeaderName.CACHE_CONTROL.name(), "no-cache"),
                        Body.ofFile(page.path(), 0, page.attributes().size())))
                .orElseThrow(() -> new HttpException(Status.NOT_FOUND_404, "no file for "
                        + request.target().rawPath()));
    }

    /** The file, directory listing or redirect for a GET or HEAD; empty when there is nothing to serve. */
    private Optional<Response> serve(Request request) throws IOException {
        RequestTarget target = request.target();
        List<String> segments = target.pathSegments();
        Optional<PathResolver.Found> resolved = resolver.resolve(segments);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        PathResolver.Found found = resolved.get();
        boolean trailingSlash = segments.isEmpty() || segments.getLast().isEmpty();
        if (found.attributes().isDirectory()) {
            return trailingSlash ? serveDirectory(request, found.path(), segments)
                    : Optional.of(redirectToDirectory(segments, target));
        }
        return trailingSlash ? Optional.empty() : serveFile(request, found);   // a file is not a directory
    }

    /** 301 to the slash form, built from the encoded segments so it can never start with {@code //}. */
    private static Response redirectToDirectory(List<String> segments, RequestTarget target) {
        StringBuilder location = new StringBuilder();
        for (String segment : segments) {
            location.append('/').append(PercentEncoding.encodePathSegment(segment));
        }
        location.append('/');
        target.rawQuery().ifPresent(query -> location.append('?').append(query));
        return Response.of(Status.MOVED_PERMANENTLY_301).withHeader(HeaderName.LOCATION.name(), location.toString());
    }

    private Optional<Response> serveDirectory(Request request, Path directory, List<String> segments)
            throws IOException {
        Optional<PathResolver.Found> index = resolver.resolve(append(segments, settings.indexFile()));
        if (index.isPresent() && index.get().attributes().isRegularFile()) {
            return serveFile(request, index.get());
        }
        if (!settings.has(Feature.LISTING)) {
            return Optional.empty();
        }
        if (request.target().queryParameter("download").filter("zip"::equals).isPresent()) {
            return Optional.of(FolderZip.of(directory, resolver::isListable, zipName(segments)));
        }
        String sort = request.target().queryParameter("sort").orElse("name");
        DirectoryListing entries = DirectoryListing.read(directory, resolver::isListable, sort);
        QualityList accept = QualityList.parse(request.headers().first(HeaderName.ACCEPT).orElse(null));
        String type = accept.bestMediaType(List.of("text/html", "application/json", "text/plain")).orElse("text/html");
        String body = switch (type) {
            case "application/json" -> entries.json();
            case "text/plain" -> entries.plainText();
            default -> entries.html(request.target().path(), settings.uploads());
        };
        return Optional.of(Response.of(Status.OK_200, Headers.of(HeaderName.CONTENT_TYPE.name(),
                type + "; charset=utf-8", HeaderName.CACHE_CONTROL.name(), "no-cache", HeaderName.VARY.name(),
                "Accept", "X-Content-Type-Options", "nosniff"), Body.of(body)));
    }

    /** The file's answer; empty when it cannot be read, answered like a missing file. */
    private Optional<Response> serveFile(Request request, PathResolver.Found found) {
        Path file = found.path();
        long size = found.attributes().size();
        Instant modified = found.attributes().lastModifiedTime().toInstant();
        String type = MimeTypes.forFileName(file.getFileName().toString());
        Variant variant = Variant.choose(request, file, size, modified, type, settings.has(Feature.GZIP));
        Instant lastModified = variant.modified().truncatedTo(ChronoUnit.SECONDS);
        Headers.Builder validators = Headers.builder().add(HeaderName.ETAG, variant.etag().toString())
                .add(HeaderName.LAST_MODIFIED, HttpDate.format(lastModified))
                .add(HeaderName.CACHE_CONTROL, settings.cacheControl())
                // Any file may gain a compressed sibling, so the choice always depends on Accept-Encoding.
                .add(HeaderName.VARY, "Accept-Encoding");
        Optional<Status> precondition = Preconditions.evaluate(request, variant.etag(), lastModified);
        if (precondition.isPresent()) {
            Status status = precondition.get();
            return Optional.of(Response.of(status, status == Status.NOT_MODIFIED_304 ? validators.build()
                    : Headers.empty(), Body.empty()));
        }
        Headers.Builder fields = Headers.builder().add(HeaderName.CONTENT_TYPE, type)
                .add(HeaderName.ACCEPT_RANGES, variant.rangeable() ? "bytes" : "none")
                .add(HeaderName.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (variant.encoding() != null) {
            fields.add(HeaderName.CONTENT_ENCODING, variant.encoding());
        }
        Headers headers = fields.addAll(validators.build()).build();
        Optional<String> range = request.headers().first(HeaderName.RANGE);
        if (variant.rangeable() && range.isPresent() && request.method().equals(Method.GET)
                && Preconditions.rangeApplies(request, variant.etag(), lastModified)) {
            Optional<ByteRanges.Resolved> resolved = ByteRanges.resolve(range.get(), variant.size(), MAX_RANGES);
            if (resolved.isPresent()) {
                return Optional.of(RangeResponses.of(variant.path(), variant.size(), resolved.get(), headers));
            }
        }
        return body(variant).map(body -> Response.of(Status.OK_200, headers, body));
    }

    /**
     * The variant's bytes: from memory for a small file, else sent from the file; empty when it cannot be read (a
     * client learns nothing about what it may not read).
     */
    private Optional<Body> body(Variant variant) {
        try {
            if (variant.rangeable()) {
                Optional<Body> small = smallFiles.body(variant.path(), variant.size(), variant.modified());
                if (small.isPresent()) {
                    return small;
                }
            }
            return Files.isReadable(variant.path()) ? Optional.of(variant.body()) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private String zipName(List<String> segments) {
        List<String> named = segments.stream().filter(segment -> !segment.isEmpty()).toList();
        Path rootName = root.toAbsolutePath().normalize().getFileName();
        String base = !named.isEmpty() ? named.getLast() : rootName != null ? rootName.toString() : "files";
        return base + ".zip";
    }

    private static List<String> append(List<String> segments, String name) {
        List<String> result = new ArrayList<>(segments.size() + 1);
        result.addAll(segments.isEmpty() || !segments.getLast().isEmpty() ? segments
                : segments.subList(0, segments.size() - 1));
        result.add(name);
        return result;
    }
}
