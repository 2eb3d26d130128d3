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
 */
public record RepoCreateRequest(Path packagesDir, Path outDir, String baseUrl, int changelogLimit,
                                ChecksumType checksumType, Compression compression, int workers, boolean update,
                                boolean skipBad, int retainOldMetadata, boolean waitForLock) {

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
        return new RepoCreateRequest(packagesDir, packagesDir, "", DEFAULT_CHANGELOG_LIMIT, ChecksumType.SHA256,
                Compression.GZ, Runtime.getRuntime().availableProcessors(), false, false, 0, false);
    }

    public RepoCreateRequest withOutDir(Path value) {
        return new RepoCreateRequest(packagesDir, value, baseUrl, changelogLimit, checksumType, compression, workers,
                update, skipBad, retainOldMetadata, waitForLock);
    }

    public RepoCreateRequest withUpdate(boolean value) {
        return new RepoCreateRequest(packagesDir, outDir, baseUrl, changelogLimit, checksumType, compression, workers,
                value, skipBad, retainOldMetadata, waitForLock);
    }

    public RepoCreateRequest withSkipBad(boolean value) {
        return new RepoCreateRequest(packagesDir, outDir, baseUrl, changelogLimit, checksumType, compression, workers,
                update, value, retainOldMetadata, waitForLock);
    }

    public RepoCreateRequest withWorkers(int value) {
        return new RepoCreateRequest(packagesDir, outDir, baseUrl, changelogLimit, checksumType, compression, value,
                update, skipBad, retainOldMetadata, waitForLock);
    }

    public RepoCreateRequest withMetadata(ChecksumType checksum, Compression compressed) {
        return new RepoCreateRequest(packagesDir, outDir, baseUrl, changelogLimit, checksum, compressed, workers,
                update, skipBad, retainOldMetadata, waitForLock);
    }

    public RepoCreateRequest withBaseUrl(String value) {
        return new RepoCreateRequest(packagesDir, outDir, value, changelogLimit, checksumType, compression, workers,
                update, skipBad, retainOldMetadata, waitForLock);
    }

    public RepoCreateRequest withChangelogLimit(int value) {
        return new RepoCreateRequest(packagesDir, outDir, baseUrl, value, checksumType, compression, workers,
                update, skipBad, retainOldMetadata, waitForLock);
    }

    public RepoCreateRequest withRetainOldMetadata(int value) {
        return new RepoCreateRequest(packagesDir, outDir, baseUrl, changelogLimit, checksumType, compression, workers,
                update, skipBad, value, waitForLock);
    }

    public RepoCreateRequest withWaitForLock(boolean value) {
        return new RepoCreateRequest(packagesDir, outDir, baseUrl, changelogLimit, checksumType, compression, workers,
                update, skipBad, retainOldMetadata, value);
    }
}
