package dev.jhttp.server;

import dev.jhttp.core.Request;
import dev.jhttp.core.Response;

/**
 * Wraps a handler to add behaviour around it: logging, headers, access control. Composition is plain function
 * composition; the first filter of a chain is the outermost.
 *
 * {@snippet :
 * Filter server = (request, next) -> next.handle(request).withHeader("X-Served-By", "jhttp");
 * Handler app = server.andThen(timing).wrap(router);   // server(timing(router))
 * }
 */
@FunctionalInterface
public interface Filter {
    /**
     * Handles {@code request}, usually by calling {@code next} and adjusting what it returns.
     *
     * @throws Exception as {@link Handler#handle}
     */
    Response apply(Request request, Handler next) throws Exception;

    /** This filter in front of {@code next}. */
    default Handler wrap(Handler next) {
        return request -> apply(request, next);
    }

    /** This filter, then {@code inner}, in front of whatever the result wraps. */
    default Filter andThen(Filter inner) {
        return (request, next) -> apply(request, inner.wrap(next));
    }
}
