package dev.jhttp.tests.integration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java snippets, exactly as written there: each compiles as the body of a method, and the three parsing
 * ones (HTTP/1.1, HTTP/2, forms) run and print what the README says they print. (The server snippets serve until killed; ReadmeExampleTest checks
 * what the cleartext one does, TlsServerTest what the https one does.)
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = """
            import dev.jhttp.core.*;
            import dev.jhttp.core.forms.*;
            import dev.jhttp.core.h2.*;
            import dev.jhttp.core.hpack.*;
            import dev.jhttp.core.parse.*;
            import dev.jhttp.server.*;
            import dev.jhttp.server.files.*;
            import dev.jhttp.server.filters.*;
            import dev.jhttp.server.routing.*;
            import dev.jhttp.server.tls.*;
            import java.nio.ByteBuffer;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;
            """;

    @Test
    void everySnippetCompilesAndTheParsingLoopsPrintWhatTheReadmeSays(@TempDir Path work) throws Exception {
        List<String> snippets = snippets();
        assertThat(snippets).hasSize(5);
        Path sources = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            Path file = sources.resolve("Snippet" + i + ".java");
            Files.writeString(file, IMPORTS + "public class Snippet" + i + " {\n"
                    + "    public static void run() throws Exception {\n" + snippets.get(i) + "    }\n}\n");
            files.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(),
                "-cp", System.getProperty("java.class.path")));
        arguments.addAll(files);
        int exit = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        assertThat(exit).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(run(classes, "Snippet0")).isEqualTo("GET /hello jhttp\nPOST /notes -\n");
        assertThat(run(classes, "Snippet1")).isEqualTo("HTTP/2 GET /hello localhost\n");
        assertThat(run(classes, "Snippet2")).isEqualTo("Ada Lovelace [a, b]\ndoc a.txt: hello\n");
    }

    private static List<String> snippets() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> found = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(readme);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Runs a compiled snippet and returns what it printed. */
    private static String run(Path classes, String name) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeSnippetsTest.class.getClassLoader())) {
            Method run = loader.loadClass(name).getMethod("run");
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            run.invoke(null);
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
