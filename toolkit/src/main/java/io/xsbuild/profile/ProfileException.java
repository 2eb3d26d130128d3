package io.xsbuild.profile;

import io.xsbuild.error.UsageException;

/** A profile folder that does not describe a profile xsbuild can use: its file and what is wrong in it. */
public class ProfileException extends UsageException {
    public ProfileException(String message, String hint) {
        super(message, hint);
    }
}
