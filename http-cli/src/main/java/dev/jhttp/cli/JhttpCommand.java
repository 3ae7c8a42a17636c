package dev.jhttp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top command: {@code jhttp --route /echo} serves demo routes; subcommands do the rest. */
@Command(name = "jhttp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = 1,
        subcommands = {ServeCommand.class, RoutesCommand.class, ParseCommand.class, CompletionCommand.class},
        description = "A from-scratch HTTP/1.1 server: serve a folder, or demo routes for testing clients.",
        footer = {"", "Examples:",
            "  jhttp serve ./static             serve a folder on http://127.0.0.1:8000/",
            "  jhttp --route /echo -p 9000      the /echo demo route on port 9000",
            "  jhttp routes                     list the demo routes",
            "  jhttp parse request.http         check a raw request against RFC 9112"})
public final class JhttpCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Mixin
    RouteOptions routes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (routes.routes.isEmpty()) {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ServerRunner.BAD_ARGUMENTS;
        }
        try {
            return ServerRunner.serve(AppBuilder.routes(routes.routes), server, null, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("jhttp: " + e.getMessage());
            return ServerRunner.BAD_ARGUMENTS;
        }
    }
}
