package io.xsbuild.snapshot;

import io.xsbuild.error.Setting;
import io.xsbuild.repo.RepoOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SnapshotCreator#create} is to do: publish the packages of snapshot ISOs as the
 * repository {@code outDir/snapshot/} and point {@code outDir/current} at it.
 *
 * @param isos      the images, binary and source, in the order given
 * @param snapshot  the snapshot's name, or null for the build number the images give, else today's date
 * @param keep      snapshots to keep, the new one included (the oldest go first); 0 keeps all
 * @param include   file-name globs a package must match one of (none: every package)
 * @param exclude   file-name globs no package may match
 * @param whitelist a file of package names (from their headers) to keep, one a line; null for all
 * @param options   what every run that publishes repodata is told; {@code update} takes packages whose
 *                  image entry has the published file's name, size and time from the previous snapshot
 *                  unread (metadata reused, file hard-linked); without it such packages are read and
 *                  linked only if their checksum is the same
 */
public record SnapshotRequest(List<SnapshotIso> isos, Path outDir, String snapshot, int keep, List<String> include,
                              List<String> exclude, Path whitelist, RepoOptions options) {

    /** The fields messages name. */
    public enum Field implements Setting { ISOS, OUT_DIR, SNAPSHOT, KEEP, INCLUDE, EXCLUDE, WHITELIST }

    public SnapshotRequest {
        isos = List.copyOf(isos);
        Objects.requireNonNull(outDir, "outDir");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(options, "options");
    }

    /** The same request for other images (once their sources have been fetched). */
    public SnapshotRequest withIsos(List<SnapshotIso> images) {
        return new SnapshotRequest(images, outDir, snapshot, keep, include, exclude, whitelist, options);
    }

    /** A request with repo create's defaults (sha256, gzip, 10 changelog entries, a worker per core), keeping every snapshot. */
    public static Builder builder(Path outDir) {
        return new Builder(outDir);
    }

    /** For the options a caller sets; the rest keep their defaults. */
    public static final class Builder {
        private final Path outDir;
        private final List<SnapshotIso> isos = new ArrayList<>();
        private final List<String> include = new ArrayList<>();
        private final List<String> exclude = new ArrayList<>();
        private String snapshot;
        private int keep;
        private Path whitelist;
        private RepoOptions options = RepoOptions.defaults();

        private Builder(Path outDir) {
            this.outDir = outDir;
        }

        /** What every run that publishes repodata is told (createrepo_c's defaults unless given). */
        public Builder options(RepoOptions value) {
            options = Objects.requireNonNull(value, "options");
            return this;
        }

        public Builder iso(SnapshotIso value) {
            isos.add(value);
            return this;
        }

        public Builder iso(Path file) {
            return iso(SnapshotIso.of(file));
        }

        public Builder snapshot(String value) {
            snapshot = value;
            return this;
        }

        public Builder keep(int value) {
            keep = value;
            return this;
        }

        /** Adds file-name globs a package must match one of. */
        public Builder include(String... globs) {
            include.addAll(List.of(globs));
            return this;
        }

        /** Adds file-name globs no package may match. */
        public Builder exclude(String... globs) {
            exclude.addAll(List.of(globs));
            return this;
        }

        public Builder whitelist(Path value) {
            whitelist = value;
            return this;
        }

        public SnapshotRequest build() {
            return new SnapshotRequest(isos, outDir, snapshot, keep, include, exclude, whitelist, options);
        }
    }
}
