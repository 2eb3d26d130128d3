package io.xsbuild.iso;

import java.nio.file.Path;

/**
 * An entry that would escape the tree it belongs to: a name that climbs or contains a separator, a
 * symbolic link that leads outside the image, a directory reached twice.
 */
public class UnsafeIsoEntryException extends CorruptIsoException {

    private final String entry;

    public UnsafeIsoEntryException(Path iso, long offset, String entry, String what) {
        super(iso, offset, "ISO " + iso + " has an unsafe entry '" + entry + "' at byte " + offset + ": " + what,
                "xsbuild refuses images whose names or links lead outside the image; rebuild the image from a clean tree");
        this.entry = entry;
    }

    /** The path of the refused entry as far as it was known, '/'-separated. */
    public String entry() {
        return entry;
    }
}
