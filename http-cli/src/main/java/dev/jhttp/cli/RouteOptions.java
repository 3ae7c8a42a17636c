package dev.jhttp.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code --route}: mounts demo routes by path, or {@code /path=TEXT} for a fixed text response. */
final class RouteOptions {
    @Option(names = {"-r", "--route"}, paramLabel = "ROUTE",
            description = "Mount a demo route (see 'jhttp routes'), or /path=TEXT for a fixed text. Repeatable.")
    List<String> routes = new ArrayList<>();
}
