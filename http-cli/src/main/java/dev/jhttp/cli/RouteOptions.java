package dev.jhttp.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

import static dev.jhttp.cli.CliModel.bound;

/**
 * {@code --route}: mounts demo routes by path ({@code /echo}), elsewhere ({@code /echo@/}), or {@code /path=TEXT} for
 * a fixed text response.
 */
final class RouteOptions {
    List<String> routes = new ArrayList<>();

    @SuppressWarnings("unchecked")
    void addTo(CommandSpec command) {
        command.addOption(bound(OptionSpec.builder("-r", "--route").paramLabel("ROUTE").auxiliaryTypes(String.class)
                .description("Mount a demo route (see 'jhttp routes'), at its own path or at another with ROUTE@/path "
                        + "(every method, and every path below it), or /path=TEXT for a fixed text. Repeatable."),
                List.class, () -> routes, value -> routes = value));
    }
}
