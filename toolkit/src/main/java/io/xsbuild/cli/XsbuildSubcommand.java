package io.xsbuild.cli;

import io.xsbuild.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What every subcommand shares: the context it runs in, the global options, the console that
 * renders engine events, and how a result is printed (text, or an object with {@code --json}).
 * A subcommand parses and validates, then makes one engine call.
 */
abstract class XsbuildSubcommand implements Callable<Integer> {

    protected final CliContext context;

    @Spec
    protected CommandLine.Model.CommandSpec spec;

    protected XsbuildSubcommand(CliContext context) {
        this.context = context;
    }

    protected final boolean json() {
        return globals().json;
    }

    private GlobalOptions globals() {
        Object root = spec.root().userObject();
        return root instanceof XsbuildCommand x ? x.globals() : new GlobalOptions();
    }

    /** A console for this command's events; verbose adds debug messages and tool output. */
    protected final Console console(boolean verbose) {
        return new Console(context.err(), context.terminal() && !json(), verbose);
    }

    /** Prints the result: as JSON with {@code --json}, else as the text {@code human} makes of it. */
    protected final <T> void print(T result, Function<T, String> human) {
        if (json()) {
            context.out().print(Json.pretty(result));
        } else {
            String text = human.apply(result);
            if (text != null && !text.isEmpty()) {
                context.out().println(text);
            }
        }
        context.out().flush();
    }

    protected final CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
