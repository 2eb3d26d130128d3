package io.xsbuild.error;

/** A request that cannot be carried out as given: a missing input, a bad combination (exit 2). */
public class UsageException extends XsbuildException {
    public UsageException(String message, String hint) {
        super(Kind.USAGE, message, hint);
    }

    public UsageException(String message) {
        this(message, null);
    }

    /** A message and hint that may name settings; {@code hint} may be null. */
    public UsageException(Phrase message, Phrase hint) {
        super(Kind.USAGE, message, hint, null);
    }
}
