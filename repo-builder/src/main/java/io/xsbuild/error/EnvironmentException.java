package io.xsbuild.error;

/** Something the machine must provide is missing or broken: an engine, a tool, an image (exit 3). */
public class EnvironmentException extends XsbuildException {
    public EnvironmentException(String message, String hint, Throwable cause) {
        super(Kind.ENVIRONMENT, message, hint, cause);
    }

    public EnvironmentException(String message, String hint) {
        this(message, hint, null);
    }
}
