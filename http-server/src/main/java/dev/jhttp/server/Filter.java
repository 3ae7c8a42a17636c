package dev.jhttp.server;

import dev.jhttp.core.Request;
import dev.jhttp.core.Response;

/**
 * Wraps a handler to add behaviour around it: logging, headers, access control. Composition is plain function
 * composition; the first filter of a chain is the outermost. A chain may block when any filter in it or the handler
 * may ({@link Handler#mayBlock}); a filter given as a lambda is taken to block, the library's filters do not.
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

    /** Whether this filter's own work for {@code request} may block, as {@link Handler#mayBlock}; default yes. */
    default boolean mayBlock(Request request) {
        return true;
    }

    /** This filter in front of {@code next}. */
    default Handler wrap(Handler next) {
        Filter filter = this;
        return new Handler() {
            @Override
            public Response handle(Request request) throws Exception {
                return filter.apply(request, next);
            }

            @Override
            public boolean mayBlock(Request request) {
                return filter.mayBlock(request) || next.mayBlock(request);
            }
        };
    }

    /** This filter, then {@code inner}, in front of whatever the result wraps. */
    default Filter andThen(Filter inner) {
        Filter outer = this;
        return new Filter() {
            @Override
            public Response apply(Request request, Handler next) throws Exception {
                return outer.apply(request, inner.wrap(next));
            }

            @Override
            public boolean mayBlock(Request request) {
                return outer.mayBlock(request) || inner.mayBlock(request);
            }
        };
    }
}
