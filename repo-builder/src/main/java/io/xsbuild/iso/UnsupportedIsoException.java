package io.xsbuild.iso;

import java.nio.file.Path;

/** A valid image that uses a feature this reader does not implement. */
public class UnsupportedIsoException extends IsoException {

    private final long offset;

    public UnsupportedIsoException(Path iso, long offset, String what, String hint) {
        super(iso, "ISO " + iso + " uses " + what + " (at byte " + offset + "), which xsbuild does not read", hint, null);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
