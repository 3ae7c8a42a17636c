package dev.jhttp.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The run the launcher records its start-up cache from: it serves every request it makes, stops, and cleans up. */
class StartupTrainingTest {
    @Test
    void servesItsRequestsThenStopsAndLeavesNoFolder() throws Exception {
        List<Path> before = trainingFolders();
        StartupTraining.main(new String[0]);   // throws if a request goes unanswered
        assertThat(trainingFolders()).isEqualTo(before);
    }

    private static List<Path> trainingFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("jhttp-startup-training")).sorted()
                    .toList();
        }
    }
}
