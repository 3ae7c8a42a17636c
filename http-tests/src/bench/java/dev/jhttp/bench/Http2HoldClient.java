package dev.jhttp.bench;

import dev.jhttp.core.h2.ConnectionPreface;
import dev.jhttp.core.h2.ErrorCode;
import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.h2.Setting;
import dev.jhttp.tests.fixtures.H2Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory scenario of scripts/h2-bench.sh: CONNECTIONS cleartext HTTP/2 connections (h2c with prior knowledge) to
 * 127.0.0.1:PORT, each with STREAMS requests for PATH open at once. The client announces a window of 0, so each
 * server has answered every stream's HEADERS and holds its content, waiting for window that never comes, unless it
 * refused the stream (RST_STREAM REFUSED_STREAM, RFC 9113 §8.7). Prints {@code holding N streams, M refused} once
 * every stream is answered or refused, holds them for SECONDS, then closes and prints {@code done}.
 * Arguments: PORT CONNECTIONS STREAMS PATH SECONDS
 */
public final class Http2HoldClient {
    private Http2HoldClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        int streams = Integer.parseInt(args[2]);
        String path = args[3];
        Duration hold = Duration.ofSeconds(Long.parseLong(args[4]));
        List<H2Client> clients = new ArrayList<>();
        int answered = 0;
        int refused = 0;
        try {
            for (int c = 0; c < connections; c++) {
                H2Client client = H2Client.connect(port);
                clients.add(client);
                client.sendRaw(ConnectionPreface.bytes());
                client.send(H2Client.settings(Setting.INITIAL_WINDOW_SIZE, 0));
                for (int s = 0; s < streams; s++) {
                    client.sendHeaders(1 + 2 * s, true, H2Client.request("GET", path));
                }
                int held = awaitAnswers(client, streams);
                answered += held;
                refused += streams - held;
            }
            System.out.println("holding " + answered + " streams, " + refused + " refused");
            System.out.flush();
            Thread.sleep(hold);
        } finally {
            clients.forEach(H2Client::close);
        }
        System.out.println("done");
    }

    /**
     * Reads until each of {@code streams} streams has its response head or was refused, acknowledging the server's
     * SETTINGS on the way; returns how many have a head.
     */
    private static int awaitAnswers(H2Client client, int streams) {
        int heads = 0;
        int refused = 0;
        while (heads + refused < streams) {
            Object next = client.next();
            if (next instanceof Frame.Settings settings && !settings.ack()) {
                client.send(Frame.Settings.ACK);
            } else if (next instanceof Frame.Headers headers) {
                client.fields(headers);
                heads++;
            } else if (next instanceof Frame.RstStream reset && reset.error() == ErrorCode.REFUSED_STREAM) {
                refused++;
            } else if (next == H2Client.CLOSED || next instanceof Frame.GoAway) {
                throw new IllegalStateException("the server ended the connection: " + next);
            }
        }
        return heads;
    }
}
