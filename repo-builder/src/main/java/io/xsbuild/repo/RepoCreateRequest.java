package io.xsbuild.repo;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link RepoCreator#create} is to do: publish {@code outDir/repodata} for every {@code *.rpm}
 * under {@code packagesDir}.
 *
 * @param outDir            where repodata/ goes (usually {@code packagesDir})
 * @param baseUrl           the {@code xml:base} of every package location, or "" for none
 * @param changelogLimit    changelog entries kept per package, -1 for all
 * @param workers           packages read at once
 * @param update            reuse the published metadata of files whose size, time and checksum type are unchanged
 * @param skipBad           publish without bad packages (a warning each) instead of stopping
 * @param retainOldMetadata sets of superseded metadata files to keep in repodata/
 * @param waitForLock       wait for another run on the same directory to finish instead of failing
 * @param groupFile         a comps file to publish as the {@code group} and {@code group_gz} records, or null
 */
public record RepoCreateRequest(Path packagesDir, Path outDir, String baseUrl, int changelogLimit,
                                ChecksumType checksumType, Compression compression, int workers, boolean update,
                                boolean skipBad, int retainOldMetadata, boolean waitForLock, Path groupFile) {

    public static final int DEFAULT_CHANGELOG_LIMIT = 10;

    public RepoCreateRequest {
        Objects.requireNonNull(packagesDir, "packagesDir");
        outDir = Objects.requireNonNullElse(outDir, packagesDir);
        baseUrl = Objects.requireNonNullElse(baseUrl, "");
        Objects.requireNonNull(checksumType, "checksumType");
        Objects.requireNonNull(compression, "compression");
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
    public static final class Builder extends RepoRequestBuilder<Builder> {
        private final Path packagesDir;
        private Path outDir;
        private int retainOldMetadata;
        private Path groupFile;

        private Builder(Path packagesDir) {
            this.packagesDir = packagesDir;
        }

        @Override
        protected Builder self() {
            return this;
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

        public RepoCreateRequest build() {
            return new RepoCreateRequest(packagesDir, outDir, baseUrl, changelogLimit, checksumType, compression,
                    workers, update, skipBad, retainOldMetadata, waitForLock, groupFile);
        }
    }
}
