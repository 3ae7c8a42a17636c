package dev.jhttp.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code jhttp completion}: prints a bash/zsh completion script. */
final class CompletionCommand implements Callable<Integer> {
    private final CommandSpec spec = CliModel.command(this, "completion",
            "Print a completion script for bash and zsh.",
            "source <(jhttp completion)            in the current shell",
            "jhttp completion > ~/.jhttp-complete  then source it from ~/.bashrc");

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        spec.commandLine().getOut().print(AutoComplete.bash("jhttp", root));
        spec.commandLine().getOut().flush();
        return ServerRunner.OK;
    }
}
