package dev.jhttp.cli;

import dev.jhttp.core.parse.ParserLimits;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.files.Uploads;
import dev.jhttp.server.files.SymlinkPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jhttp serve [DIR]}: serves a folder, with any demo routes mounted in front of it. */
@Command(name = "serve", addMethodSubcommands = false, mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
        description = "Serve a folder over HTTP.",
        footer = {"", "Examples:",
            "  jhttp serve                      serve the current folder on http://127.0.0.1:8000/",
            "  jhttp serve ./static -p 0        any free port; the banner says which",
            "  jhttp serve site --route /echo   files, plus the /echo demo route",
            "  jhttp serve . --bind 0.0.0.0     share on the network",
            "  jhttp serve drop --upload        take uploads from the listing page, curl -F or curl -T"})
final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "${env:JHTTP_DIR:-.}", paramLabel = "DIR",
            description = "Folder to serve (default: the current folder).")
    Path directory;

    @Mixin
    ServerOptions server;

    @Mixin
    RouteOptions routes;

    @Option(names = "--no-listing", defaultValue = "${env:JHTTP_NO_LISTING:-false}",
            description = "Do not list folders that have no index.html.")
    boolean noListing;

    @Option(names = "--show-hidden", defaultValue = "${env:JHTTP_SHOW_HIDDEN:-false}",
            description = "Serve and list dot-files such as .env (hidden by default).")
    boolean showHidden;

    @Option(names = "--follow-symlinks", defaultValue = "${env:JHTTP_FOLLOW_SYMLINKS:-false}",
            description = "Follow symbolic links that stay inside the folder (denied by default).")
    boolean followSymlinks;

    @Option(names = "--spa", defaultValue = "${env:JHTTP_SPA:-false}",
            description = "Single-page app: unknown paths asked for as HTML get index.html.")
    boolean spa;

    @Option(names = "--gzip", defaultValue = "${env:JHTTP_GZIP:-false}",
            description = "Compress text files on the fly for clients that accept gzip.")
    boolean gzip;

    @Option(names = "--cache-control", defaultValue = "${env:JHTTP_CACHE_CONTROL:-no-cache}",
            description = "Cache-Control for files (default: ${DEFAULT-VALUE}).")
    String cacheControl;

    @Mixin
    UploadOptions writes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(directory)) {
            err.println("jhttp: " + directory + (Files.exists(directory) ? " is not a folder" : " does not exist"));
            return ServerRunner.BAD_ARGUMENTS;
        }
        Path root = directory.toAbsolutePath().normalize();
        Optional<Uploads> uploads;
        try {
            uploads = writes.uploads(server.bind, !server.auth.users.isEmpty());
        } catch (Refused e) {
            err.println("jhttp: " + e.getMessage());
            return ServerRunner.BAD_ARGUMENTS;
        }
        StaticFiles files = StaticFiles.serving(root).withListing(!noListing).withHiddenFiles(showHidden)
                .withSymlinks(followSymlinks ? SymlinkPolicy.WITHIN_ROOT : SymlinkPolicy.DENY)
                .withCacheControl(cacheControl).withSpa(spa).withGzip(gzip).withUploads(uploads.orElse(null));
        // Uploads stream to disk and are bounded by --max-upload, which answers (and logs) a 413 itself; the demo
        // routes bound what they hold.
        long maxContent = uploads.isPresent() ? Long.MAX_VALUE : ParserLimits.defaults().maxBodySize();
        try {
            return ServerRunner.serve(AppBuilder.routes(routes.routes, files), server, maxContent,
                    root, spec.commandLine().getOut(), err);
        } catch (IllegalArgumentException e) {
            err.println("jhttp: " + e.getMessage());
            return ServerRunner.BAD_ARGUMENTS;
        }
    }
}
