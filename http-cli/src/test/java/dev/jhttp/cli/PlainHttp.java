package dev.jhttp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One HTTP/1.1 exchange through the JDK's {@link HttpURLConnection} (java.base, so the module tests can use it). */
record PlainHttp(int status, Optional<String> authenticate, String body) {
    static PlainHttp send(String method, String url, String body, String... headers) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        for (int i = 0; i < headers.length; i += 2) {
            connection.setRequestProperty(headers[i], headers[i + 1]);
        }
        if (body != null) {
            connection.setDoOutput(true);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            connection.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Optional<String> authenticate = Optional.ofNullable(connection.getHeaderField("WWW-Authenticate"));
        connection.disconnect();
        return new PlainHttp(status, authenticate, text);
    }
}
