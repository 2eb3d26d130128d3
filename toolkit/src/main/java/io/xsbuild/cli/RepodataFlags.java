package io.xsbuild.cli;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.repo.RepoOptions;
import picocli.CommandLine.Option;

/**
 * The flags of the repodata written, which {@code repo create} and {@code repo snapshot} share:
 * where packages are published, what their metadata keeps, how it is checked and compressed, how
 * many packages are read at once, and what becomes of unchanged and bad packages.
 */
final class RepodataFlags {

    @Option(names = {"-u", "--baseurl"}, paramLabel = "URL",
            description = "The base URL packages are published under (xml:base of every location).")
    String baseUrl = "";

    @Option(names = "--changelog-limit", paramLabel = "N",
            description = "Changelog entries kept per package, newest first (default: ${DEFAULT-VALUE}; -1 for all).")
    int changelogLimit = RepoOptions.DEFAULT_CHANGELOG_LIMIT;

    @Option(names = {"-s", "--checksum"}, paramLabel = "TYPE",
            description = "Checksum for packages and metadata: sha256 (default), sha512 or sha1.")
    ChecksumType checksum = ChecksumType.SHA256;

    @Option(names = "--compress", paramLabel = "TYPE",
            description = "Metadata compression: gz (default; CentOS 7's yum reads nothing else), xz or zstd.")
    Compression compress = Compression.GZ;

    @Option(names = "--workers", paramLabel = "N",
            description = "Packages read at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--update",
            description = "Reuse the published metadata of packages whose size, modification time and checksum "
                    + "type are unchanged; read only new and changed files. With --iso, take such packages from the "
                    + "previous snapshot unread (without it they are read, and linked if their checksum is the same).")
    boolean update;

    @Option(names = "--skip-bad", description = "Publish without bad packages, with a warning for each.")
    boolean skipBad;

    /** The options these flags give, and whether to wait for another run on the same directory ({@code --wait}). */
    RepoOptions options(boolean waitForLock) {
        return RepoOptions.builder().baseUrl(baseUrl).changelogLimit(changelogLimit).checksumType(checksum)
                .compression(compress).workers(workers).update(update).skipBad(skipBad).waitForLock(waitForLock).build();
    }
}
