package io.xsbuild.error;

/** An operation that ran and failed for a reason its message names (exit 1). */
public class FailedException extends XsbuildException {
    public FailedException(String message, String hint, Throwable cause) {
        super(Kind.FAILED, message, hint, cause);
    }

    public FailedException(String message) {
        this(message, null, null);
    }

    public FailedException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** A message and hint that may name settings; {@code hint} and {@code cause} may be null. */
    public FailedException(Phrase message, Phrase hint, Throwable cause) {
        super(Kind.FAILED, message, hint, cause);
    }
}
