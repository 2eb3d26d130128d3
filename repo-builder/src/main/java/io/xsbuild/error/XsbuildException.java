package io.xsbuild.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The root of every error xsbuild reports to a user. Its message is one line that names the file,
 * package or image concerned and says what was expected; {@link #hint()} says what to do about it.
 * The {@link Kind} decides the exit code. Message and hint may name {@link Setting}s: outside the
 * command line they read with the settings' field names, and the command line names them by their
 * flags ({@link #userMessage(Function)}).
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
    private final Phrase message;
    private final Phrase hint;

    protected XsbuildException(Kind kind, Phrase message, Phrase hint, Throwable cause) {
        super(Objects.requireNonNull(message, "message").toString(), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.message = message;
        this.hint = hint;
    }

    protected XsbuildException(Kind kind, String message, String hint, Throwable cause) {
        this(kind, Phrase.of(Objects.requireNonNull(message, "message")), hint == null ? null : Phrase.of(hint), cause);
    }

    protected XsbuildException(Kind kind, String message, String hint) {
        this(kind, message, hint, null);
    }

    public Kind kind() {
        return kind;
    }

    /** What the user can do about it, or null when the message says it all. */
    public String hint() {
        return hint == null ? null : hint.toString();
    }

    /** The message without the hint, each setting named as {@code naming} names it. */
    public String message(Function<Setting, String> naming) {
        return message.render(naming);
    }

    /** The message and the hint as the one line a user reads, settings named by their fields. */
    public String userMessage() {
        return userMessage(Setting::field);
    }

    /** The message and the hint as the one line a user reads, each setting named as {@code naming} names it. */
    public String userMessage(Function<Setting, String> naming) {
        return userPhrase().render(naming);
    }

    /**
     * The message and the hint as the one line a user reads, its settings left for whoever shows it to
     * name: for a report that keeps what went wrong until the command line prints it.
     */
    public Phrase userPhrase() {
        return hint == null || hint.isBlank() ? message : Phrase.of(message, ": ", hint);
    }

    /** The settings the message and the hint name, in order: the facts a caller may act on. */
    public List<Setting> settings() {
        List<Setting> named = new ArrayList<>(message.settings());
        if (hint != null) {
            named.addAll(hint.settings());
        }
        return named;
    }
}
