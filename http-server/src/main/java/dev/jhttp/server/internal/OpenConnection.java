package dev.jhttp.server.internal;

/** An open client connection, as the engine's shutdown and deadline sweeps reach it, wherever it is served. */
interface OpenConnection {
    /**
     * Ends whatever wait has run past its deadline at {@code now} (System.nanoTime); called by the event loop that
     * accepted the connection, on its thread.
     */
    void enforceDeadlines(long now);

    /** Shutdown: closes the connection if it waits for a request; one in the middle of a request finishes it. */
    void stopIfIdle();

    /** Closes the connection now, from any thread. */
    void closeQuietly();
}
