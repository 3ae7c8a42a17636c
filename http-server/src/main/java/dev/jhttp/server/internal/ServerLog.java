package dev.jhttp.server.internal;

/**
 * The server's {@link System.Logger}, looked up when something is first logged: the lookup starts the logging
 * backend, which costs a server that logs nothing several milliseconds of start-up.
 */
public final class ServerLog {
    private ServerLog() {
    }

    /** The logger named {@code dev.jhttp.server}. */
    public static System.Logger get() {
        return Holder.LOGGER;
    }

    private static final class Holder {
        static final System.Logger LOGGER = System.getLogger("dev.jhttp.server");
    }
}
