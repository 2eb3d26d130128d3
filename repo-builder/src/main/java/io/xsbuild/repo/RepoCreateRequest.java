package io.xsbuild.repo;

import io.xsbuild.error.Setting;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link RepoCreator#create} is to do: publish {@code outDir/repodata} for every {@code *.rpm}
 * under {@code packagesDir}.
 *
 * @param outDir            where repodata/ goes (usually {@code packagesDir})
 * @param options           what every run that publishes repodata is told; {@code update} reuses the
 *                          published metadata of files whose size, time and checksum type are unchanged
 * @param retainOldMetadata sets of superseded metadata files to keep in repodata/
 * @param groupFile         a comps file to publish as the {@code group} and {@code group_gz} records, or null
 */
public record RepoCreateRequest(Path packagesDir, Path outDir, RepoOptions options, int retainOldMetadata,
                                Path groupFile) {

    /** The fields messages name. */
    public enum Field implements Setting { OUT_DIR, RETAIN_OLD_METADATA, GROUP_FILE }

    public RepoCreateRequest {
        Objects.requireNonNull(packagesDir, "packagesDir");
        outDir = Objects.requireNonNullElse(outDir, packagesDir);
        Objects.requireNonNull(options, "options");
    }

    /** createrepo_c's defaults: sha256, gzip, 10 changelog entries, a worker per core, a fresh run. */
    public static RepoCreateRequest defaults(Path packagesDir) {
        return builder(packagesDir).build();
    }

    /** A request with createrepo_c's defaults, to change option by option. */
    public static Builder builder(Path packagesDir) {
        return new Builder(packagesDir);
    }

    /** For the options a caller sets; the rest keep their defaults. */
    public static final class Builder {
        private final Path packagesDir;
        private Path outDir;
        private RepoOptions options = RepoOptions.defaults();
        private int retainOldMetadata;
        private Path groupFile;

        private Builder(Path packagesDir) {
            this.packagesDir = packagesDir;
        }

        public Builder outDir(Path value) {
            outDir = value;
            return this;
        }

        public Builder retainOldMetadata(int value) {
            retainOldMetadata = value;
            return this;
        }

        /** A comps file to publish with the metadata, as {@code createrepo_c --groupfile} does. */
        public Builder groupFile(Path value) {
            groupFile = value;
            return this;
        }

        /** What every run that publishes repodata is told (createrepo_c's defaults unless given). */
        public Builder options(RepoOptions value) {
            options = Objects.requireNonNull(value, "options");
            return this;
        }

        public RepoCreateRequest build() {
            return new RepoCreateRequest(packagesDir, outDir, options, retainOldMetadata, groupFile);
        }
    }
}
