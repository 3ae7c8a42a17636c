package dev.jhttp.server;

import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FilterTest {
    @Test
    void firstFilterListedIsOutermost() throws Exception {
        List<String> trace = new ArrayList<>();
        Filter outer = (request, next) -> {
            trace.add("outer in");
            Response response = next.handle(request);
            trace.add("outer out");
            return response.withHeader("X-Outer", "1");
        };
        Filter inner = (request, next) -> {
            trace.add("inner in");
            return next.handle(request).withHeader("X-Inner", "1");
        };
        Handler handler = outer.andThen(inner).wrap(request -> {
            trace.add("handler");
            return Response.of(Status.OK_200);
        });
        Response response = handler.handle(Request.of(Method.GET, "/"));
        assertThat(trace).containsExactly("outer in", "inner in", "handler", "outer out");
        assertThat(response.headers().name(0).name()).isEqualTo("X-Inner");
        assertThat(response.headers().name(1).name()).isEqualTo("X-Outer");
    }

    @Test
    void requestContextIsEmptyOutsideAServedRequest() {
        assertThat(RequestContext.current()).isEmpty();
    }
}
