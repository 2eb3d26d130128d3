package io.xsbuild.snapshot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A snapshot ISO on local disk.
 *
 * @param file   the image
 * @param source what the user named (a path, a URL, Maven coordinates), for snapshot.json
 * @param sha256 the image's SHA-256 when it is already known (it was downloaded or checked), else
 *               null: it is then computed while the image is imported
 */
public record SnapshotIso(Path file, String source, String sha256) {

    public SnapshotIso {
        Objects.requireNonNull(file, "file");
        source = Objects.requireNonNullElse(source, file.toString());
    }

    /** A local image named by its path, its checksum to be computed. */
    public static SnapshotIso of(Path file) {
        return new SnapshotIso(file, null, null);
    }

    /** The image's file name, as packages from it are named in messages ("binpkg.iso:Packages/x.rpm"). */
    public String name() {
        return file.getFileName().toString();
    }
}
