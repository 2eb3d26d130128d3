package io.xsbuild.spec;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;

import java.nio.file.Path;

/** A spec file xsbuild cannot find, read or rewrite; the message names it and what was expected. */
public class SpecException extends XsbuildException {

    private final Path spec;

    public SpecException(Path spec, String message, String hint) {
        super(Kind.USAGE, message, hint);
        this.spec = spec;
    }

    /** A message and hint that may name settings. */
    public SpecException(Path spec, Phrase message, Phrase hint) {
        super(Kind.USAGE, message, hint, null);
        this.spec = spec;
    }

    /** The spec concerned, or the directory searched for one. */
    public Path spec() {
        return spec;
    }
}
