package io.xsbuild.git;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;

/** A git repository could not be opened, fetched or read; the message names the repository. */
public class GitException extends XsbuildException {

    private final String repository;

    public GitException(Kind kind, String repository, String message, String hint, Throwable cause) {
        super(kind, message, hint, cause);
        this.repository = repository;
    }

    /** A message and hint that may name settings; {@code hint} and {@code cause} may be null. */
    public GitException(Kind kind, String repository, Phrase message, Phrase hint, Throwable cause) {
        super(kind, message, hint, cause);
        this.repository = repository;
    }

    /** A repository that exists but could not be read or written: a broken object, a full disk. */
    static GitException unreadable(String repository, Exception cause) {
        return new GitException(Kind.FAILED, repository, "Cannot read the git repository " + repository
                + ": " + oneLine(cause), "check it with git fsck", cause);
    }

    /** A cause's message on one line, for messages that quote it. */
    static String oneLine(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** The path or URL the error concerns. */
    public String repository() {
        return repository;
    }
}
