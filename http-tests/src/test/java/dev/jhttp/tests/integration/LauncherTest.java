package dev.jhttp.tests.integration;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command, run for real: {@code ./jhttp serve ./static} as a separate process. */
class LauncherTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void launcherServesTheDemoSiteAndStopsOnSigterm() throws Exception {
        Process process = launch(Map.of());
        try {
            String ready = readyLine(process);
            assertThat(ready).contains("\"root\":\"" + REPOSITORY.resolve("static") + "\"");
            String base = "http://127.0.0.1:" + port(ready);
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("jhttp is serving this folder");
                HttpResponse<byte[]> range = client.send(HttpRequest.newBuilder(URI.create(base + "/media/tone.wav"))
                        .header("Range", "bytes=0-3").build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(range.statusCode()).isEqualTo(206);
                assertThat(new String(range.body(), StandardCharsets.US_ASCII)).isEqualTo("RIFF");
                HttpResponse<String> echo = client.send(HttpRequest.newBuilder(URI.create(base + "/echo")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(echo.body()).contains("\"method\":\"GET\"");
            }
            process.destroy();
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("stops within 15 s of SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void theJvmMapsTheStartUpCacheTheLauncherRecorded() throws Exception {
        // JHTTP_READY_JSON=true and --ready-json together: a flag given stays on whatever its variable says.
        List<String> arguments = jvmArguments(Map.of(), "--ready-json");
        Optional<String> aot = arguments.stream().filter(argument -> argument.startsWith("-XX:AOTCache=")).findFirst();
        if (aot.isPresent()) {   // JDK 25+: recorded by a training run before the first start
            assertThat(Path.of(aot.get().substring("-XX:AOTCache=".length()))).isRegularFile();
        } else {
            assertThat(arguments).anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="));
        }
    }

    @Test
    void theJvmRunsWithTheShippedSettingsUnlessJhttpJavaOptionsReplacesThem() throws Exception {
        assertThat(jvmArguments(Map.of())).contains("-XX:+UseSerialGC", "-Xmx256m", "-Xmn16m");
        assertThat(jvmArguments(Map.of("JHTTP_JAVA_OPTIONS", "-Xmx300m -Xss2m")))
                .contains("-Xmx300m", "-Xss2m")
                .doesNotContain("-XX:+UseSerialGC", "-Xmx256m", "-Xmn16m");
    }

    /** The arguments of the JVM that {@code ./jhttp serve} starts (the launcher execs it: same process). */
    private static List<String> jvmArguments(Map<String, String> environment, String... arguments)
            throws Exception {
        Process process = launch(environment, arguments);
        try {
            readyLine(process);
            return List.of(process.info().arguments().orElseThrow());
        } finally {
            process.destroyForcibly();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }

    private static Process launch(Map<String, String> environment, String... arguments) throws Exception {
        // stderr (the build's progress, if the launcher builds first) goes to a file; stdout carries the ready line.
        List<String> command = new ArrayList<>(List.of("./jhttp", "serve", "./static", "--route", "/echo"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPOSITORY.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "launcher-test.err").toFile()));
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("JHTTP_JAVA_OPTIONS");
        builder.environment().put("JHTTP_PORT", "0");
        builder.environment().put("JHTTP_READY_JSON", "true");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String readyLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> readReadyLine(out)).get(300, TimeUnit.SECONDS);
    }

    private static String port(String ready) {
        Matcher port = Pattern.compile("\"port\":(\\d+)").matcher(ready);
        assertThat(port.find()).as(ready).isTrue();
        return port.group(1);
    }

    private static String readReadyLine(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("{\"port\":")) {
                    return line;
                }
            }
            throw new AssertionError("launcher ended without a ready line");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
