package dev.jhttp.tests.integration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    @Test
    void fromAnotherFolderTheJarAndCacheKeepTheirPathsAndArgumentsKeepTheCallersFolder() throws Exception {
        // The start-up cache is valid only for the jar path it was recorded with: "..", "." and the caller's folder
        // must not show in it. The folder argument is the caller's, relative to where the caller is.
        Path caller = REPOSITORY.resolve("http-tests");
        Process process = launch(caller, Map.of(), "../http-tests/./../jhttp", "serve", "../static");
        try {
            assertThat(readyLine(process)).contains("\"root\":\"" + REPOSITORY.resolve("static") + "\"");
            List<String> arguments = List.of(process.info().arguments().orElseThrow());
            Path jar = REPOSITORY.resolve("http-cli/target/jhttp.jar");
            assertThat(arguments).containsSequence("-jar", jar.toString());
            assertThat(arguments).filteredOn(argument -> argument.startsWith("-XX:AOTCache="))
                    .allMatch(argument -> argument.equals("-XX:AOTCache=" + jar.resolveSibling("jhttp.aot")));
        } finally {
            process.destroyForcibly();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutJavaHomeTheJdkWhoseJavacIsOnThePathComesBeforeTheInstalledOnes(@TempDir Path home) throws Exception {
        // A JDK in ~/.jdks whose java notes that it ran, then runs the real one; PATH's javac is a link to its javac.
        Path jdk = Files.createDirectories(home.resolve(".jdks/jdk-21/bin")).getParent();
        Path ran = home.resolve("ran");
        String realJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        executable(jdk.resolve("bin/java"), "#!/bin/sh\ntouch '" + ran + "'\nexec '" + realJava + "' \"$@\"\n");
        executable(jdk.resolve("bin/javac"), "#!/bin/sh\nexit 1\n");
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"21.0.9\"\n");
        Path path = Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(path.resolve("javac"), jdk.resolve("bin/javac"));
        Process process = launch(REPOSITORY, Map.of("HOME", home.toString(),
                "PATH", path + ":" + System.getenv("PATH")), "./jhttp", "serve", "./static");
        try {
            readyLine(process);
            assertThat(ran).exists();
        } finally {
            process.destroyForcibly();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }

    private static void executable(Path file, String script) throws Exception {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
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
        List<String> command = new ArrayList<>(List.of("./jhttp", "serve", "./static", "--route", "/echo"));
        command.addAll(List.of(arguments));
        return launch(REPOSITORY, environment, command.toArray(String[]::new));
    }

    private static Process launch(Path folder, Map<String, String> environment, String... command) throws Exception {
        // stderr (the build's progress, if the launcher builds first) goes to a file; stdout carries the ready line.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        REPOSITORY.resolve("http-tests/target/launcher-test.err").toFile()));
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
