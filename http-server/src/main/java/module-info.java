/** The jhttp server: event-loop connection engine and handler chain over http-core. */
module dev.jhttp.server {
    requires transitive dev.jhttp.core;

    exports dev.jhttp.server;
    exports dev.jhttp.server.files;
    exports dev.jhttp.server.forms;
    exports dev.jhttp.server.filters;
    exports dev.jhttp.server.routing;
    exports dev.jhttp.server.text;
    exports dev.jhttp.server.tls;
}
