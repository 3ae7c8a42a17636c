package dev.jhttp.cli;

/** When the access log is coloured: {@code auto} on an interactive terminal unless {@code NO_COLOR} is set. */
enum ColorMode {
    auto, always, never;

    /**
     * Whether to colour, given the {@code NO_COLOR} variable (null when unset) and whether stdout is a terminal.
     * An empty {@code NO_COLOR} counts as unset, as no-color.org asks.
     */
    boolean enabled(String noColor, boolean terminal) {
        return switch (this) {
            case always -> true;
            case never -> false;
            case auto -> terminal && (noColor == null || noColor.isEmpty());
        };
    }
}
