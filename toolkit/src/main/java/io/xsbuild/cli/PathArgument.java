package io.xsbuild.cli;

import io.xsbuild.io.FileNames;
import picocli.CommandLine;

import java.nio.file.Path;

/**
 * Paths on the command line. Java reads arguments in the locale's charset, so under the C locale
 * a non-ASCII byte, and under a UTF-8 locale a name that is not UTF-8, arrives as U+FFFD: such a
 * path would name another file, so it is refused in one line saying what to do.
 */
final class PathArgument implements CommandLine.ITypeConverter<Path> {

    /** A path argument that cannot be one; reported on one line. */
    static final class UnusableException extends CommandLine.TypeConversionException {
        UnusableException(String message) {
            super(message);
        }
    }

    @Override
    public Path convert(String value) {
        return of(value);
    }

    /** The path {@code value} names, or an {@link UnusableException} saying why it names none. */
    static Path of(String value) {
        String why = FileNames.unusablePath(value);
        if (why != null) {
            throw new UnusableException("'" + value + "' cannot be read as a path: " + why);
        }
        return Path.of(value);
    }

    /** The path {@code value}, given as {@code what}, or a parameter error naming both. */
    static Path of(CommandLine commandLine, String what, String value) {
        try {
            return of(value);
        } catch (UnusableException e) {
            throw new CommandLine.ParameterException(commandLine, what + ": " + e.getMessage(), e, null, value);
        }
    }
}
