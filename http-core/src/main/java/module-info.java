/**
 * jhttp's HTTP/1.1 core: immutable message models, a strict incremental parser and a writer. No dependencies.
 */
module dev.jhttp.core {
    exports dev.jhttp.core;
    exports dev.jhttp.core.headers;
    exports dev.jhttp.core.parse;
    exports dev.jhttp.core.write;
}
