package io.xsbuild.cli;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Spec;

import java.util.List;
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

    /** An engine call, with its events rendered on a console. */
    @FunctionalInterface
    interface EngineCall<T> {
        T run(Console console) throws XsbuildException;
    }

    /** Makes the command's engine call, its events on a console, then prints its result as {@link #print} does. */
    protected final <T> int run(boolean verbose, EngineCall<T> call, Function<T, String> human) throws XsbuildException {
        Console console = console(verbose);
        T result;
        try {
            result = call.run(console);
        } finally {
            console.close();
        }
        print(result, human);
        return ExitCodes.OK;
    }

    /** Whether the option of that name (any of its names) was given on the command line. */
    protected final boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * Which of the options of {@code flags}, a mixin of this command (or of one of its mixins), were
     * given on the command line: their longest names, in the order they are declared.
     */
    protected final List<String> given(Object flags) {
        CommandLine.Model.CommandSpec mixin = mixin(spec, flags);
        if (mixin == null) {
            throw new IllegalArgumentException(flags.getClass().getSimpleName() + " is no mixin of " + spec.qualifiedName());
        }
        return mixin.options().stream().map(CommandLine.Model.OptionSpec::longestName).filter(this::given).toList();
    }

    private static CommandLine.Model.CommandSpec mixin(CommandLine.Model.CommandSpec in, Object flags) {
        for (CommandLine.Model.CommandSpec mixin : in.mixins().values()) {
            CommandLine.Model.CommandSpec found = mixin.userObject() == flags ? mixin : mixin(mixin, flags);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    protected final CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
