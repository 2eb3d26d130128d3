package io.xsbuild.snapshot;

import io.xsbuild.error.FailedException;

import java.nio.file.Path;

/** A metadata file inside an ISO (.treeinfo, repomd.xml, comps, XS-REPOSITORY) that cannot be used. */
public class IsoMetadataException extends FailedException {

    private final Path iso;
    private final String file;

    public IsoMetadataException(Path iso, String file, String what) {
        this(iso, file, what, null);
    }

    public IsoMetadataException(Path iso, String file, String what, Throwable cause) {
        super("ISO " + iso + ": " + file + ": " + what, "the image's metadata is malformed; rebuild the image or report it to its maker", cause);
        this.iso = iso;
        this.file = file;
    }

    public Path iso() {
        return iso;
    }

    /** The file inside the image, '/'-separated. */
    public String file() {
        return file;
    }
}
