package io.xsbuild.iso;

import java.nio.file.Path;

/** The image breaks ECMA-119, SUSP or Rock Ridge at a known byte offset. */
public class CorruptIsoException extends IsoException {

    private static final String HINT = "the image is damaged or truncated: fetch or build it again";

    private final long offset;

    public CorruptIsoException(Path iso, long offset, String what) {
        this(iso, offset, "ISO " + iso + " is corrupt at byte " + offset + ": " + what, HINT);
    }

    protected CorruptIsoException(Path iso, long offset, String message, String hint) {
        super(iso, message, hint, null);
        this.offset = offset;
    }

    /** The byte offset in the image where the fault was found. */
    public long offset() {
        return offset;
    }
}
