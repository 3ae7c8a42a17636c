package dev.jhttp.cli;

import dev.jhttp.core.parse.ParserLimits;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The top command: {@code jhttp --route /echo} serves demo routes; subcommands do the rest. */
public final class JhttpCommand implements Callable<Integer> {
    private final CommandSpec spec = CliModel.command(this, "jhttp",
            "A from-scratch HTTP/1.1 server: serve a folder, or demo routes for testing clients.",
            "jhttp serve ./static             serve a folder on http://127.0.0.1:8000/",
            "jhttp --route /echo -p 9000      the /echo demo route on port 9000",
            "jhttp routes                     list the demo routes",
            "jhttp parse request.http         check a raw request against RFC 9112");
    private final ServerOptions server = new ServerOptions();
    private final RouteOptions routes = new RouteOptions();

    private JhttpCommand() {
        server.addTo(spec);
        routes.addTo(spec);
        spec.addSubcommand("serve", CliModel.commandLine(new ServeCommand().spec()));
        spec.addSubcommand("routes", CliModel.commandLine(new RoutesCommand().spec()));
        spec.addSubcommand("parse", CliModel.commandLine(new ParseCommand().spec()));
        spec.addSubcommand("completion", CliModel.commandLine(new CompletionCommand().spec()));
    }

    /**
     * The command line to run jhttp's arguments with. Paths are converted by {@link Path#of}: picocli's own converter
     * calls it by reflection, which costs start-up more than the call.
     */
    public static CommandLine commandLine() {
        return CliModel.commandLine(new JhttpCommand().spec).registerConverter(Path.class, Path::of);
    }

    @Override
    public Integer call() {
        if (routes.routes.isEmpty()) {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ServerRunner.BAD_ARGUMENTS;
        }
        try {
            return ServerRunner.serve(AppBuilder.routes(routes.routes, null), server,
                    ParserLimits.defaults().maxBodySize(), null, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("jhttp: " + e.getMessage());
            return ServerRunner.BAD_ARGUMENTS;
        }
    }
}
