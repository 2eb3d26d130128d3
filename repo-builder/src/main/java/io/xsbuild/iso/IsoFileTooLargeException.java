package io.xsbuild.iso;

import java.nio.file.Path;

/** A file asked for whole is larger than the caller accepts: metadata, not a payload, was expected. */
public class IsoFileTooLargeException extends IsoException {

    public IsoFileTooLargeException(Path iso, String file, long size, long limit) {
        super(iso, "ISO " + iso + ": " + file + " is " + size + " bytes, more than the " + limit + " expected of it",
                "the file is not what its name says; check the image", null);
    }
}
