package dev.jhttp.tests.h2;

import dev.jhttp.core.h2.ErrorCode;
import dev.jhttp.core.h2.Frame;
import dev.jhttp.tests.fixtures.H2Client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server must send back to a conformance row, and nothing else: the control frames any exchange brings
 * (acknowledgements, window updates) are allowed, and responses only on the streams the row names.
 */
sealed interface Expectation {
    /** A PING the row sends after its frames, to show the connection is still served. */
    long ALIVE = 0x6a68747470L;

    void check(H2Client client);

    /** GOAWAY with {@code code}, then the connection closes. */
    record GoAway(ErrorCode code, Set<Integer> answered) implements Expectation {
        @Override
        public void check(H2Client client) {
            Object last = readUntil(client, answered, frame -> frame instanceof Frame.GoAway);
            assertThat(last).isInstanceOf(Frame.GoAway.class);
            assertThat(((Frame.GoAway) last).error()).isEqualTo(code);
            assertThat(client.next()).as("after GOAWAY the connection closes").isEqualTo(H2Client.CLOSED);
        }
    }

    /** RST_STREAM with {@code code} on {@code stream}; the connection stays open. */
    record Reset(int stream, ErrorCode code, Set<Integer> answered) implements Expectation {
        @Override
        public void check(H2Client client) {
            Object last = readUntil(client, answered, frame -> frame instanceof Frame.RstStream reset
                    && reset.streamId() == stream);
            assertThat(last).isEqualTo(new Frame.RstStream(stream, code));
            alive(client, answered);
        }
    }

    /** A complete response with {@code status} on {@code stream}, which {@code also} checks; the connection lives. */
    record Answer(int stream, int status, java.util.function.Consumer<H2Client.Response> also)
            implements Expectation {
        @Override
        public void check(H2Client client) {
            H2Client.Response response = client.response(stream);
            assertThat(response.status()).isEqualTo(status);
            also.accept(response);
            alive(client, Set.of(stream));
        }
    }

    /** Nothing but control frames; the connection lives. */
    record Alive(Set<Integer> answered) implements Expectation {
        @Override
        public void check(H2Client client) {
            alive(client, answered);
        }
    }

    /** Sends a PING and reads up to its acknowledgement: nothing but allowed frames may come before it. */
    static void alive(H2Client client, Set<Integer> answered) {
        client.send(new Frame.Ping(false, ALIVE));
        Object last = readUntil(client, answered, frame -> frame instanceof Frame.Ping ping && ping.ack()
                && ping.opaqueData() == ALIVE);
        assertThat(last).isEqualTo(new Frame.Ping(true, ALIVE));
    }

    /** Reads until {@code wanted} matches, failing on anything the row did not allow; returns the match. */
    static Object readUntil(H2Client client, Set<Integer> answered, java.util.function.Predicate<Object> wanted) {
        List<Object> seen = new ArrayList<>();
        while (true) {
            Object next = client.next();
            if (wanted.test(next)) {
                return next;
            }
            seen.add(next);
            boolean allowed = next instanceof Frame.WindowUpdate
                    || next instanceof Frame.Settings
                    || next instanceof Frame.Ping ping && ping.ack()
                    || next instanceof Frame.Headers headers && answered.contains(headers.streamId())
                    && !client.fields(headers).isEmpty()
                    || next instanceof Frame.Data data && answered.contains(data.streamId());
            assertThat(allowed).as("unexpected %s after %s", next, seen).isTrue();
        }
    }
}
