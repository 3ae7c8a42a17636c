package dev.jhttp.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code jhttp completion}: prints a bash/zsh completion script. */
@Command(name = "completion", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "Print a completion script for bash and zsh.",
        footer = {"", "Examples:",
            "  source <(jhttp completion)            in the current shell",
            "  jhttp completion > ~/.jhttp-complete  then source it from ~/.bashrc"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        spec.commandLine().getOut().print(AutoComplete.bash("jhttp", root));
        spec.commandLine().getOut().flush();
        return ServerRunner.OK;
    }
}
