package dev.jhttp.cli;

import dev.jhttp.core.parse.ParserLimits;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.files.Uploads;
import dev.jhttp.server.files.SymlinkPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import static dev.jhttp.cli.CliModel.bound;
import static dev.jhttp.cli.CliModel.env;
import static dev.jhttp.cli.CliModel.flag;

/** {@code jhttp serve [DIR]}: serves a folder, with any demo routes mounted in front of it. */
final class ServeCommand implements Callable<Integer> {
    private final CommandSpec spec = CliModel.command(this, "serve", "Serve a folder over HTTP.",
            "jhttp serve                      serve the current folder on http://127.0.0.1:8000/",
            "jhttp serve ./static -p 0        any free port; the banner says which",
            "jhttp serve site --route /echo   files, plus the /echo demo route",
            "jhttp serve . --bind 0.0.0.0     share on the network",
            "jhttp serve drop --upload        take uploads from the listing page, curl -F or curl -T");
    private final ServerOptions server = new ServerOptions();
    private final RouteOptions routes = new RouteOptions();
    private final UploadOptions writes = new UploadOptions();
    private Path directory;
    private boolean noListing;
    private boolean showHidden;
    private boolean followSymlinks;
    private boolean spa;
    private boolean gzip;
    private String cacheControl;

    ServeCommand() {
        spec.addPositional(bound(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("DIR")
                .defaultValue(env("JHTTP_DIR", ".")).description("Folder to serve (default: the current folder)."),
                Path.class, () -> directory, value -> directory = value));
        server.addTo(spec);
        routes.addTo(spec);
        writes.addTo(spec);
        spec.addOption(flag("JHTTP_NO_LISTING", () -> noListing, value -> noListing = value,
                "Do not list folders that have no index.html.", "--no-listing"));
        spec.addOption(flag("JHTTP_SHOW_HIDDEN", () -> showHidden, value -> showHidden = value,
                "Serve and list dot-files such as .env (hidden by default).", "--show-hidden"));
        spec.addOption(flag("JHTTP_FOLLOW_SYMLINKS", () -> followSymlinks,
                value -> followSymlinks = value, "Follow symbolic links that stay inside the folder (denied by "
                        + "default).", "--follow-symlinks"));
        spec.addOption(flag("JHTTP_SPA", () -> spa, value -> spa = value,
                "Single-page app: unknown paths asked for as HTML get index.html.", "--spa"));
        spec.addOption(flag("JHTTP_GZIP", () -> gzip, value -> gzip = value,
                "Compress text files on the fly for clients that accept gzip.", "--gzip"));
        spec.addOption(bound(OptionSpec.builder("--cache-control").paramLabel("VALUE")
                .defaultValue(env("JHTTP_CACHE_CONTROL", "no-cache"))
                .description("Cache-Control for files (default: ${DEFAULT-VALUE})."),
                String.class, () -> cacheControl, value -> cacheControl = value));
    }

    CommandSpec spec() {
        return spec;
    }

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
