package io.xsbuild.iso;

import io.xsbuild.error.FailedException;

import java.nio.file.Path;
import java.util.Objects;

/** An ISO image that cannot be read as asked: corrupt, hostile, unsupported or unreadable. */
public abstract class IsoException extends FailedException {

    private final Path iso;

    protected IsoException(Path iso, String message, String hint, Throwable cause) {
        super(message, hint, cause);
        this.iso = Objects.requireNonNull(iso, "iso");
    }

    /** The image concerned. */
    public Path iso() {
        return iso;
    }
}
