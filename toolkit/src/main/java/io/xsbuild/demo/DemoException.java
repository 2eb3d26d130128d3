package io.xsbuild.demo;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;

/** A step of the demo that could not be done, named with what to do about it. */
public class DemoException extends FailedException {
    public DemoException(String message, String hint) {
        super(message, hint, null);
    }

    public DemoException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    /** A message and hint that may name settings; {@code hint} may be null. */
    public DemoException(Phrase message, Phrase hint) {
        super(message, hint, null);
    }
}
