package io.xsbuild.iso;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The image file itself could not be opened or read. */
public class IsoReadException extends IsoException {

    public IsoReadException(Path iso, IOException cause) {
        super(iso, describe(iso, cause), "check that the file exists and is readable", cause);
    }

    private static String describe(Path iso, IOException cause) {
        if (cause instanceof NoSuchFileException) {
            return "ISO " + iso + " does not exist";
        }
        return "cannot read ISO " + iso + ": " + cause;
    }
}
