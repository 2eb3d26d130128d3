package io.xsbuild.cli;

import picocli.CommandLine;

import java.lang.reflect.Constructor;

/** Assembles the command line: commands, the one exit path, and the context commands are given. */
public final class Cli {

    private Cli() {
    }

    /** The whole command line, every command in it. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, new String[0]);
    }

    /**
     * The command line to run {@code args} with: when they name a command, that command alone (the
     * others' models are not built: building all of them is a good part of the start-up), else all.
     */
    public static CommandLine commandLine(CliContext context, String[] args) {
        Factory factory = new Factory(context);
        CommandLine cl = new CommandLine(XsbuildCommand.class, factory);
        Class<?> named = named(args);
        for (Class<?> command : XsbuildCommand.SUBCOMMANDS) {
            if (named == null || command == named) {
                cl.addSubcommand(new CommandLine(command, factory));
            }
        }
        ErrorHandler errors = new ErrorHandler();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setExitCodeExceptionMapper(new ExitCodes());
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(java.nio.file.Path.class, new PathArgument());
        return cl;
    }

    /** The subcommand the first argument that is not an option names, or null (then help, or a mistake). */
    private static Class<?> named(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            for (Class<?> command : XsbuildCommand.SUBCOMMANDS) {
                CommandLine.Command c = command.getAnnotation(CommandLine.Command.class);
                if (c.name().equals(arg) && command != CommandLine.HelpCommand.class) {
                    return command;
                }
            }
            return null;
        }
        return null;
    }

    /** Gives every command that wants it the {@link CliContext}, through its constructor. */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
