package dev.jhttp.cli;

import dev.jhttp.cli.demo.DemoRoutes;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code jhttp routes}: the demo route catalogue, one line each. */
final class RoutesCommand implements Callable<Integer> {
    private final CommandSpec spec = CliModel.command(this, "routes", "List the demo routes --route can mount.",
            "jhttp routes                              the catalogue",
            "jhttp --route /echo --route /status       mount two of them on port 8000",
            "jhttp --route /echo@/                     the echo route for every path and method",
            "jhttp --route /hi='hello there'           a fixed text response at /hi, for every method");

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        for (DemoRoutes.Route route : DemoRoutes.catalogue()) {
            spec.commandLine().getOut().printf("%-12s %-18s %s%n", route.name(), route.pattern(), route.description());
        }
        spec.commandLine().getOut().printf("%-12s %-18s %s%n", "/path=TEXT", "/path", "a fixed text response, for "
                + "every method (content is read and discarded)");
        spec.commandLine().getOut().printf("%-12s %-18s %s%n", "ROUTE@/to", "/to...", "a demo route at another path, "
                + "for every method; one with a fixed path answers every path below it too");
        return ServerRunner.OK;
    }
}
