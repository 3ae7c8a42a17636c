package dev.jhttp.cli;

import dev.jhttp.cli.demo.Json;
import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.parse.ParseError;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.RequestParser;
import dev.jhttp.core.parse.ResponseParser;
import dev.jhttp.core.parse.Violation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.jhttp.cli.CliModel.bound;

/** {@code jhttp parse}: parses raw HTTP messages with http-core and shows what it read, or why it refused them. */
final class ParseCommand implements Callable<Integer> {
    private final CommandSpec spec = CliModel.command(this, "parse",
            "Parse raw HTTP requests (or responses) and print them, or the rule they break.",
            "jhttp parse --lf request.txt          a hand-written file with plain newlines",
            "jhttp parse --response --json reply.http",
            "printf 'GET /a?b=1 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n' | jhttp parse");
    private String file;
    private boolean response;
    private boolean json;
    private boolean lf;

    ParseCommand() {
        spec.addPositional(bound(PositionalParamSpec.builder().index("0").arity("0..1").defaultValue("-")
                .paramLabel("FILE").description("File to read, or - for standard input (the default)."),
                String.class, () -> file, value -> file = value));
        spec.addOption(bound(OptionSpec.builder("--response").description("Parse responses instead of requests."),
                Boolean.class, () -> response, value -> response = value));
        spec.addOption(bound(OptionSpec.builder("--json").description("Print JSON, one object per message."),
                Boolean.class, () -> json, value -> json = value));
        spec.addOption(bound(OptionSpec.builder("--lf").description("Read bare LF line endings as CRLF, for "
                + "hand-written files (on the wire jhttp refuses them)."),
                Boolean.class, () -> lf, value -> lf = value));
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] bytes;
        try {
            bytes = read();
        } catch (IOException e) {
            err.println("jhttp: cannot read " + file + ": " + e.getMessage());
            return ServerRunner.BAD_ARGUMENTS;
        }
        ByteBuffer in = ByteBuffer.wrap(lf ? withCrLf(bytes) : bytes);
        RequestParser requests = RequestParser.create();
        ResponseParser responses = ResponseParser.create();
        int messages = 0;
        while (in.hasRemaining() || messages == 0) {
            long start = in.position();
            ParseResult<?> result = response ? responses.feed(in) : requests.feed(in);
            if (result instanceof ParseResult.NeedMore && response) {
                result = responses.finish();
            }
            switch (result) {
                case ParseResult.Complete<?>(Object message) -> {
                    out.println(json ? Json.object(describe(message)) : text(describe(message)));
                    messages++;
                    requests.reset();
                    responses.reset();
                }
                case ParseResult.Failed<?>(ParseError error) -> {
                    report(err, error, start);
                    return ServerRunner.BAD_ARGUMENTS;
                }
                case ParseResult.NeedMore<?>() -> {
                    err.println("jhttp: incomplete " + (response ? "response" : "request") + ": the input ends after "
                            + (in.position() - start) + " bytes of it");
                    return ServerRunner.BAD_ARGUMENTS;
                }
            }
        }
        return ServerRunner.OK;
    }

    private void report(PrintWriter err, ParseError error, long messageStart) {
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("status", error.status().code());
            fields.put("violation", error.violation().name());
            fields.put("rule", error.violation().rfc());
            fields.put("detail", error.detail());
            fields.put("offset", messageStart + error.offset());
            err.println(Json.object(fields));
        } else {
            boolean handWritten = error.violation() == Violation.BARE_LF && !lf;
            err.println("jhttp: " + error.status() + ": " + error.detail() + " (" + error.violation().rfc()
                    + ") at byte " + (messageStart + error.offset())
                    + (handWritten ? "; for a hand-written file, try --lf" : ""));
        }
    }

    private byte[] read() throws IOException {
        if (file.equals("-")) {
            InputStream stdin = System.in;
            return stdin.readAllBytes();
        }
        return Files.readAllBytes(Path.of(file));
    }

    private static byte[] withCrLf(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length + 64);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(bytes[i]);
        }
        return out.toByteArray();
    }

    private static Map<String, Object> describe(Object message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Headers headers;
        Body body;
        Headers trailers;
        if (message instanceof Request request) {
            fields.put("method", request.method().name());
            fields.put("target", request.target().raw());
            fields.put("form", request.target().form().name().toLowerCase(Locale.ROOT));
            fields.put("path", request.target().path());
            fields.put("query", request.target().queryParameters());
            fields.put("version", request.version().text());
            headers = request.headers();
            body = request.body();
            trailers = request.trailers();
        } else {
            Response response = (Response) message;
            fields.put("version", response.version().text());
            fields.put("status", response.status().code());
            fields.put("reason", response.status().reason());
            headers = response.headers();
            body = response.body();
            trailers = response.trailers();
        }
        fields.put("headers", Json.fieldPairs(headers));
        fields.put("bodyLength", body.length());
        if (!trailers.isEmpty()) {
            fields.put("trailers", Json.fieldPairs(trailers));
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> fields) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getKey().equals("headers") || field.getKey().equals("trailers")) {
                List<List<String>> lines = (List<List<String>>) field.getValue();
                text.append(String.format(Locale.ROOT, "%-10s %d%n", field.getKey(), lines.size()));
                lines.forEach(pair -> text.append("  ").append(pair.get(0)).append(": ").append(pair.get(1))
                        .append('\n'));
            } else {
                text.append(String.format(Locale.ROOT, "%-10s %s%n", field.getKey(), field.getValue()));
            }
        }
        return text.toString().stripTrailing();
    }
}
