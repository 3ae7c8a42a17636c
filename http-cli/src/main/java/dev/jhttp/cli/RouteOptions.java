package dev.jhttp.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --route}: mounts demo routes by path ({@code /echo}), elsewhere ({@code /echo@/}), or {@code /path=TEXT} for
 * a fixed text response.
 */
final class RouteOptions {
    @Option(names = {"-r", "--route"}, paramLabel = "ROUTE",
            description = "Mount a demo route (see 'jhttp routes'), at its own path or at another with ROUTE@/path "
                    + "(every method, and every path below it), or /path=TEXT for a fixed text. Repeatable.")
    List<String> routes = new ArrayList<>();
}
