package io.xsbuild.repository;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;

/** A repository given to a run that cannot be read or named as asked: which one, and why. */
public class RepositoryException extends UsageException {
    public RepositoryException(String message, String hint) {
        super(message, hint);
    }

    /** A message and hint that may name settings; {@code hint} may be null. */
    public RepositoryException(Phrase message, Phrase hint) {
        super(message, hint);
    }
}
