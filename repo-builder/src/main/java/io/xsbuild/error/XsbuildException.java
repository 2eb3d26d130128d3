package io.xsbuild.error;

import java.util.Objects;

/**
 * The root of every error xsbuild reports to a user. Its message is one line that names the file,
 * package or image concerned and says what was expected; {@link #hint()} says what to do about it.
 * The {@link Kind} decides the exit code.
 */
public abstract class XsbuildException extends Exception {

    /** What went wrong, in the terms of the exit code the command ends with. */
    public enum Kind {
        /** The operation ran and failed: a build, a bad package, a checksum mismatch. Exit 1. */
        FAILED,
        /** The request cannot be carried out as given: a bad argument or combination. Exit 2. */
        USAGE,
        /** Something the machine must provide is missing: a Docker engine, a tool, an image. Exit 3. */
        ENVIRONMENT
    }

    private final Kind kind;
    private final String hint;

    protected XsbuildException(Kind kind, String message, String hint, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.hint = hint;
    }

    protected XsbuildException(Kind kind, String message, String hint) {
        this(kind, message, hint, null);
    }

    public Kind kind() {
        return kind;
    }

    /** What the user can do about it, or null when the message says it all. */
    public String hint() {
        return hint;
    }

    /** The message and the hint as the one line a user reads. */
    public String userMessage() {
        return hint == null || hint.isBlank() ? getMessage() : getMessage() + ": " + hint;
    }
}
