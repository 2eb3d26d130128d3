package io.xsbuild.fat;

import io.xsbuild.error.FailedException;

/** A FAT image that cannot be read or changed as asked; the message names it and what is wrong. */
public class FatException extends FailedException {

    public FatException(String message, String hint) {
        super(message, hint, null);
    }
}
