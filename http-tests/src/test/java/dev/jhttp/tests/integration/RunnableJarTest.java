package dev.jhttp.tests.integration;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar {@code ./jhttp} runs holds only class files of Java 21 or later: the JVM's AOT cache and CDS archives skip
 * older ones, which would then be loaded and verified on every start (picocli's published jar is Java 5). Bouncy
 * Castle's and Commons Codec's (Java 8) are the exception: they are loaded only to make a new
 * {@code --tls-self-signed} certificate, or to check an {@code --auth} password hash, never on an ordinary start.
 */
class RunnableJarTest {
    private static final Path JAR = Path.of("..", "http-cli", "target", "jhttp.jar");
    private static final int JAVA_21 = 65;

    @Test
    void everyClassIsAJava21ClassFile() throws IOException {
        List<String> older = new ArrayList<>();
        int classes = 0;
        int picocli = 0;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")
                        || entry.getName().startsWith("org/bouncycastle/")
                        || entry.getName().startsWith("org/apache/commons/codec/")) {
                    continue;
                }
                classes++;
                picocli += entry.getName().startsWith("picocli/") ? 1 : 0;
                try (DataInputStream in = new DataInputStream(jar.getInputStream(entry))) {
                    in.readInt();                          // 0xCAFEBABE
                    in.readUnsignedShort();                // minor version
                    if (in.readUnsignedShort() < JAVA_21) {
                        older.add(entry.getName());
                    }
                }
            }
        }
        assertThat(picocli).as("picocli's classes are in the jar").isGreaterThan(100);
        assertThat(classes).isGreaterThan(picocli);
        assertThat(older).as("class files older than Java 21").isEmpty();
    }
}
