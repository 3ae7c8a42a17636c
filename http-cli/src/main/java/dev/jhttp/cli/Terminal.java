package dev.jhttp.cli;

import java.io.Console;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Whether this process talks to an interactive terminal. */
final class Terminal {
    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 System.console() exists even when output is redirected, and Console.isTerminal() (22+) tells
        // the two apart; this module compiles for 21, so the method is looked up rather than called.
        try {
            return (boolean) MethodHandles.publicLookup()
                    .findVirtual(Console.class, "isTerminal", MethodType.methodType(boolean.class))
                    .invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 21 gives a Console only to an interactive process
        } catch (Throwable e) {
            return false;
        }
    }
}
