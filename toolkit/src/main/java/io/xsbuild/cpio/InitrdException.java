package io.xsbuild.cpio;

import io.xsbuild.error.FailedException;

/** An initrd that cannot be read or extended as asked; the message names it and what is wrong. */
public class InitrdException extends FailedException {

    public InitrdException(String message, String hint) {
        super(message, hint, null);
    }

    public InitrdException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
