/**
 * jhttp's HTTP core: immutable message models, a strict incremental HTTP/1.1 parser and writer, and an HTTP/2 frame
 * codec with HPACK. No dependencies.
 */
module dev.jhttp.core {
    exports dev.jhttp.core;
    exports dev.jhttp.core.h2;
    exports dev.jhttp.core.forms;
    exports dev.jhttp.core.headers;
    exports dev.jhttp.core.hpack;
    exports dev.jhttp.core.parse;
    exports dev.jhttp.core.write;
}
