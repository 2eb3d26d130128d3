package io.xsbuild.repo;

import io.xsbuild.repo.repomd.RepomdRecord;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run published.
 *
 * @param packages  packages in the published metadata
 * @param read      of those, packages whose files were read
 * @param reused    of those, packages whose published metadata was reused ({@code --update})
 * @param skipped   bad packages left out ({@code --skip-bad})
 * @param bytesRead bytes of package files read
 */
public record RepoCreateResult(Path repodata, long packages, long read, long reused, List<SkippedPackage> skipped,
                               long bytesRead, double seconds, String checksum, String compression,
                               List<RepomdRecord> metadata) {

    /** A bad package a run left out, and why. */
    public record SkippedPackage(String file, String problem) {
    }

    public RepoCreateResult {
        skipped = List.copyOf(skipped);
        metadata = List.copyOf(metadata);
    }
}
