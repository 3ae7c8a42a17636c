package dev.jhttp.server.internal;

/** Request content as a handler reads it, whichever protocol carries it: whether the client spoiled it. */
interface ClientContent {
    /**
     * Whether reading failed through the client's doing (bad framing, a timeout, a disconnect, a reset stream): a
     * handler's failure then is the client's, answered without a stack trace.
     */
    boolean spoiledByClient();
}
