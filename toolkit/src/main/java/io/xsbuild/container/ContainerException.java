package io.xsbuild.container;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;

/** The engine refused or failed an operation on a container or image. */
public class ContainerException extends XsbuildException {
    public ContainerException(String message, String hint, Throwable cause) {
        super(Kind.FAILED, message, hint, cause);
    }

    public ContainerException(String message, Throwable cause) {
        this(message, null, cause);
    }

    protected ContainerException(Kind kind, String message, String hint, Throwable cause) {
        super(kind, message, hint, cause);
    }

    /** A message and hint that may name settings; {@code hint} and {@code cause} may be null. */
    protected ContainerException(Kind kind, Phrase message, Phrase hint, Throwable cause) {
        super(kind, message, hint, cause);
    }
}
