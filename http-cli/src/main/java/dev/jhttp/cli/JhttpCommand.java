package dev.jhttp.cli;

import dev.jhttp.core.parse.ParserLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** The top command: {@code jhttp --route /echo} serves demo routes; subcommands do the rest. */
@Command(name = "jhttp", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, exitCodeOnInvalidInput = 1,
        description = "A from-scratch HTTP/1.1 server: serve a folder, or demo routes for testing clients.",
        footer = {"", "Examples:",
            "  jhttp serve ./static             serve a folder on http://127.0.0.1:8000/",
            "  jhttp --route /echo -p 9000      the /echo demo route on port 9000",
            "  jhttp routes                     list the demo routes",
            "  jhttp parse request.http         check a raw request against RFC 9112"})
public final class JhttpCommand implements Callable<Integer> {
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("routes", RoutesCommand::new);
        SUBCOMMANDS.put("parse", ParseCommand::new);
        SUBCOMMANDS.put("completion", CompletionCommand::new);
    }

    @Mixin
    ServerOptions server;

    @Mixin
    RouteOptions routes;

    @Spec
    CommandSpec spec;

    /**
     * The command line to run {@code args} with. picocli builds a command from its annotations, which is most of
     * jhttp's start-up time, so only the subcommand {@code args} names is built; help, suggestions for a mistyped
     * name and the completion script get them all.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine command = new CommandLine(new JhttpCommand());
        String named = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("completion")
                ? args[0] : null;
        SUBCOMMANDS.forEach((name, subcommand) -> {
            if (named == null || named.equals(name)) {
                command.addSubcommand(name, subcommand.get());
            }
        });
        return command;
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
