package io.xsbuild.iso;

import io.xsbuild.error.FailedException;

/** An ISO image that cannot be written as asked; the message names the file or the path in the image. */
public class IsoWriteException extends FailedException {

    public IsoWriteException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    public IsoWriteException(String message, String hint) {
        this(message, hint, null);
    }
}
