/** The jhttp server: acceptor, connection engine and handler chain over http-core. */
module dev.jhttp.server {
    requires transitive dev.jhttp.core;

    exports dev.jhttp.server;
    exports dev.jhttp.server.files;
    exports dev.jhttp.server.filters;
    exports dev.jhttp.server.routing;
    // JSON escaping, shared with the command's demo routes rather than written twice
    exports dev.jhttp.server.internal to dev.jhttp.cli;
}
