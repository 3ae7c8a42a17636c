package dev.jhttp.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code --auth}: HTTP Basic authentication in front of everything a command serves. */
final class AuthOptions {
    @Option(names = "--auth", paramLabel = "USER:PASSWORD", defaultValue = "${env:JHTTP_AUTH}",
            description = {"Ask every request for this user and password (HTTP Basic, RFC 7617); repeat for more "
                    + "users. The password may be a bcrypt ($2b$…) or SHA-512 crypt ($6$…) hash, which keeps it out "
                    + "of process listings and shell history; JHTTP_AUTH sets one user."})
    List<String> users = new ArrayList<>();
}
