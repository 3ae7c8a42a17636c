package dev.jhttp.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The commands' picocli model, built in code rather than read from annotations. Reading annotations was most of
 * jhttp's start-up: the JDK makes a proxy class for each annotation type when it is first read, in code that runs
 * interpreted and that no AOT cache or CDS archive can hold (75 ms of a 440 ms start on a 2-core machine, 44 ms of
 * them in those proxies). A model built here costs picocli a few milliseconds and reads the same in {@code --help}.
 */
final class CliModel {
    /**
     * Creates what picocli asks for by class. picocli's own factory, set up on first use, looks for Groovy's classes
     * (8 ms of start-up, to find none); these commands are built whole, so it is only asked for if picocli needs it.
     */
    private static final IFactory FACTORY = new IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            return CommandLine.defaultFactory().create(type);
        }
    };

    private CliModel() {
    }

    /** A command run by {@code callable}, with {@code --help}, {@code --version} and exit code 1 for bad input. */
    static CommandSpec command(Object callable, String name, String description, String... examples) {
        CommandSpec command = CommandSpec.wrapWithoutInspection(callable, FACTORY).name(name).exitCodeOnInvalidInput(1)
                .versionProvider(new VersionProvider());
        command.usageMessage().description(description).footer(footer(examples));
        command.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        command.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return command;
    }

    private static String[] footer(String... examples) {
        String[] footer = new String[examples.length + 2];
        footer[0] = "";
        footer[1] = "Examples:";
        for (int i = 0; i < examples.length; i++) {
            footer[i + 2] = "  " + examples[i];
        }
        return footer;
    }

    /** The command line for {@code command}. */
    static CommandLine commandLine(CommandSpec command) {
        return new CommandLine(command, FACTORY);
    }

    /** The default {@code ${env:VARIABLE:-fallback}}: the variable's value when set, else {@code fallback}. */
    static String env(String variable, String fallback) {
        return "${env:" + variable + ":-" + fallback + "}";
    }

    /** The default {@code ${env:VARIABLE}}: the variable's value when set, else none. */
    static String env(String variable) {
        return "${env:" + variable + "}";
    }

    /**
     * A flag: on when given, or when the environment variable {@code variable} is {@code true}. The variable is not
     * the flag's default: picocli sets a flag whose default is true to false when it is given, so
     * {@code JHTTP_QUIET=true jhttp serve --quiet} would not be quiet. A value other than true or false is made the
     * default all the same, so that picocli refuses it, naming the option, as it refuses a bad argument.
     */
    static OptionSpec flag(String variable, Supplier<Boolean> field, Consumer<Boolean> setField, String description,
                           String... names) {
        String value = System.getenv(variable);
        boolean fromEnvironment = "true".equalsIgnoreCase(value);
        OptionSpec.Builder option = OptionSpec.builder(names).description(description);
        if (value != null && !fromEnvironment && !"false".equalsIgnoreCase(value)) {
            option.defaultValue(value);
        }
        return bound(option, Boolean.class, field, given -> setField.accept(given || fromEnvironment));
    }

    /**
     * {@code option}, of {@code type}, bound to a field as picocli binds an annotated one: the field is read for the
     * option's initial value and written with what is parsed.
     */
    static <T> OptionSpec bound(OptionSpec.Builder option, Class<T> type, Supplier<T> field, Consumer<T> setField) {
        option.type(type).initialValue(field.get()).getter(getter(field)).setter(setter(field, setField));
        return option.build();
    }

    /** The positional parameter {@code index}, of {@code type}, bound to a field. */
    static <T> PositionalParamSpec bound(PositionalParamSpec.Builder parameter, Class<T> type, Supplier<T> field,
                                         Consumer<T> setField) {
        parameter.type(type).initialValue(field.get()).getter(getter(field)).setter(setter(field, setField));
        return parameter.build();
    }

    private static <T> IGetter getter(Supplier<T> field) {
        return new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> V get() {
                return (V) field.get();
            }
        };
    }

    private static <T> ISetter setter(Supplier<T> field, Consumer<T> setField) {
        return new ISetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> V set(V value) {
                V previous = (V) field.get();
                setField.accept((T) value);
                return previous;
            }
        };
    }
}
