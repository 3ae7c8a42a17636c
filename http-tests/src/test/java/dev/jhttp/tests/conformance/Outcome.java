package dev.jhttp.tests.conformance;

import dev.jhttp.core.parse.ParseError;

import java.util.List;

/** The table's two kinds of outcome as comparable lines: the message's description, or its one fail line. */
final class Outcome {
    private Outcome() {
    }

    static List<String> expected(ConformanceRow row) {
        return row.isValid() ? row.expected().stream().map(MessageDescription::canonical).toList()
                : List.of("fail " + row.rejectStatus() + " " + row.rejectViolation());
    }

    static List<String> failure(ParseError error) {
        return List.of("fail " + error.status().code() + " " + error.violation().name());
    }
}
