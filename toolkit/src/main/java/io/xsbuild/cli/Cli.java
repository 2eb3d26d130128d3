package io.xsbuild.cli;

import picocli.CommandLine;

import java.lang.reflect.Constructor;

/** Assembles the command line: commands, the one exit path, and the context commands are given. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(XsbuildCommand.class, new Factory(context));
        ErrorHandler errors = new ErrorHandler();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setExitCodeExceptionMapper(new ExitCodes());
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
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
