package io.xsbuild.cli;

import io.xsbuild.error.XsbuildException;
import picocli.CommandLine;

/** xsbuild's exit codes, and the one mapping from an exception to one of them. */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {

    public static final int OK = 0;
    /** The operation ran and failed: a build, a bad package. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The machine lacks something: a Docker engine, a tool, an image. */
    public static final int ENVIRONMENT = 3;

    @Override
    public int getExitCode(Throwable exception) {
        return of(exception);
    }

    public static int of(Throwable exception) {
        Throwable t = exception;
        while (t != null) {
            if (t instanceof XsbuildException x) {
                return switch (x.kind()) {
                    case FAILED -> FAILED;
                    case USAGE -> USAGE;
                    case ENVIRONMENT -> ENVIRONMENT;
                };
            }
            if (t instanceof CommandLine.ParameterException) {
                return USAGE;
            }
            t = t.getCause();
        }
        return FAILED;
    }
}
