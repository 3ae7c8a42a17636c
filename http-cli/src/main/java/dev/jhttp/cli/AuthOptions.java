package dev.jhttp.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

import static dev.jhttp.cli.CliModel.bound;
import static dev.jhttp.cli.CliModel.env;

/** {@code --auth}: HTTP Basic authentication in front of everything a command serves. */
final class AuthOptions {
    List<String> users = new ArrayList<>();

    @SuppressWarnings("unchecked")
    void addTo(CommandSpec command) {
        command.addOption(bound(OptionSpec.builder("--auth").paramLabel("USER:PASSWORD")
                .auxiliaryTypes(String.class).defaultValue(env("JHTTP_AUTH"))
                .description("Ask every request for this user and password (HTTP Basic, RFC 7617); repeat for more "
                        + "users. The password may be a bcrypt ($2b$…) or SHA-512 crypt ($6$…) hash, which keeps it "
                        + "out of process listings and shell history; JHTTP_AUTH sets one user."),
                List.class, () -> users, value -> users = value));
    }
}
