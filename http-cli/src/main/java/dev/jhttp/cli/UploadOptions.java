package dev.jhttp.cli;

import dev.jhttp.server.files.Uploads;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import static dev.jhttp.cli.CliModel.bound;
import static dev.jhttp.cli.CliModel.env;
import static dev.jhttp.cli.CliModel.flag;

/** {@code jhttp serve}'s write options: all off unless {@code --upload}. */
final class UploadOptions {
    boolean upload;
    boolean overwrite;
    boolean delete;
    String maxUpload;

    void addTo(CommandSpec command) {
        command.addOption(flag("JHTTP_UPLOAD", () -> upload, value -> upload = value,
                "Let clients upload files (PUT, or POST from the listing page or curl -F) and make folders. Beyond "
                        + "the loopback it needs --auth.", "--upload"));
        command.addOption(flag("JHTTP_OVERWRITE", () -> overwrite, value -> overwrite = value,
                "Let an upload replace an existing file (otherwise 409 Conflict).", "--overwrite"));
        command.addOption(flag("JHTTP_ALLOW_DELETE", () -> delete, value -> delete = value,
                "Let clients delete files and empty folders.", "--allow-delete"));
        command.addOption(bound(OptionSpec.builder("--max-upload").paramLabel("SIZE")
                .defaultValue(env("JHTTP_MAX_UPLOAD"))
                .description("Largest upload request, such as 500M or 2G (default: no limit but the disk's)."),
                String.class, () -> maxUpload, value -> maxUpload = value));
    }

    /**
     * What the options allow; empty without {@code --upload}.
     *
     * @param bind      the address the server binds
     * @param withAuth  whether {@code --auth} is given
     * @throws Refused if an option needs {@code --upload}, a size is malformed, or writes would be open to the
     *     network without authentication
     */
    Optional<Uploads> uploads(String bind, boolean withAuth) throws Refused {
        if (!upload) {
            for (String needing : new String[] {overwrite ? "--overwrite" : null, delete ? "--allow-delete" : null,
                maxUpload != null ? "--max-upload" : null}) {
                if (needing != null) {
                    throw new Refused(needing + " changes what uploads may do; add --upload to allow them");
                }
            }
            return Optional.empty();
        }
        if (!withAuth && !isLoopback(bind)) {
            throw new Refused("--upload on " + bind + " would let anyone who can reach it write files; add --auth "
                    + "USER:PASSWORD, or bind to 127.0.0.1");
        }
        return Optional.of(Uploads.allowed().withMaxSize(maxUpload == null ? Long.MAX_VALUE : size(maxUpload))
                .withOverwrite(overwrite).withDelete(delete).withLoopbackHostOnly(!withAuth));
    }

    /** {@code 123}, {@code 10K}, {@code 500M}, {@code 2G}, {@code 1T} (binary units; {@code KiB}, {@code MB}… too). */
    static long size(String text) throws Refused {
        String value = text.strip().toUpperCase(Locale.ROOT);
        int end = 0;
        while (end < value.length() && Character.isDigit(value.charAt(end))) {
            end++;
        }
        String unit = value.substring(end).replaceFirst("I?B$", "");
        int shift = switch (unit) {
            case "" -> 0;
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> -1;
        };
        if (end == 0 || end > 15 || shift < 0) {
            throw new Refused("--max-upload takes a size such as 500M or 2G, not '" + text + "'");
        }
        long number = Long.parseLong(value.substring(0, end));
        if (number > Long.MAX_VALUE >> shift) {
            throw new Refused("--max-upload " + text + " is too large");
        }
        return number << shift;
    }

    private static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;   // ServerRunner reports the address
        }
    }
}
