package io.xsbuild.snapshot;

import io.xsbuild.repo.RepoCreateResult.SkippedPackage;
import io.xsbuild.repo.repomd.RepomdRecord;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run published.
 *
 * @param directory   the snapshot's directory, {@code outDir/NAME}
 * @param current     {@code outDir/current}, which now names it
 * @param info        what its snapshot.json says
 * @param packages    packages in its metadata
 * @param read        of those, packages read from the images
 * @param reused      of those, packages whose published metadata was reused unread ({@code --update})
 * @param copied      package files copied out of the images
 * @param linked      package files hard-linked to the previous snapshot's
 * @param leftOut     packages the whitelist left out
 * @param skipped     bad packages left out ({@code --skip-bad})
 * @param bytesRead   bytes of packages read from the images
 * @param bytesCopied bytes of packages copied
 * @param pruned      old snapshots removed ({@code --keep})
 * @param metadata    the records of its repomd.xml
 */
public record SnapshotResult(Path directory, Path current, SnapshotInfo info, long packages, long read, long reused,
                             long copied, long linked, long leftOut, List<SkippedPackage> skipped, long bytesRead,
                             long bytesCopied, List<String> pruned, double seconds, List<RepomdRecord> metadata) {

    public SnapshotResult {
        skipped = List.copyOf(skipped);
        pruned = List.copyOf(pruned);
        metadata = List.copyOf(metadata);
    }
}
