package io.xsbuild.remaster;

import io.xsbuild.error.UsageException;

/** An answer file the installer would refuse or misread; the message names the file, the element and its line. */
public class AnswerFileException extends UsageException {

    public AnswerFileException(String message, String hint) {
        super(message, hint);
    }
}
