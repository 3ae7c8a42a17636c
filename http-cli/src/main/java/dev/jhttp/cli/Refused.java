package dev.jhttp.cli;

/** Options that cannot work together or name what is not there: the message is the one line the user is shown. */
final class Refused extends Exception {
    Refused(String message) {
        super(message, null, false, false);
    }
}
