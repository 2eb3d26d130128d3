package io.xsbuild.repo;

import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.write.GroupRecords;
import io.xsbuild.repo.write.RepodataWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a run publishes {@code outDir/repodata}: holds the directory's lock from {@link #open} to
 * {@link #close}, gives a {@link RepodataWriter} into a staging directory beside repodata/, and
 * swaps the staged metadata in atomically on {@link #publish}. Closed unpublished, it leaves the
 * published repodata as it was. Whoever has packages to publish, read from a directory or copied
 * out of an ISO image, goes through one of these.
 */
public final class RepodataTarget implements AutoCloseable {

    private final RepoLock lock;
    private final RepodataPublisher publisher;
    private final Path staging;
    private boolean published;

    private RepodataTarget(RepoLock lock, RepodataPublisher publisher, Path staging) {
        this.lock = lock;
        this.publisher = publisher;
        this.staging = staging;
    }

    /**
     * Takes the lock on {@code outDir} (waiting for another run when {@code wait}, else failing),
     * removes what killed runs left and makes a staging directory.
     */
    public static RepodataTarget open(Path outDir, boolean wait, Events events) throws IOException, RepoLockedException {
        Files.createDirectories(outDir);
        RepoLock lock = RepoLock.acquire(outDir, wait, events);
        try {
            RepodataPublisher publisher = new RepodataPublisher(outDir);
            publisher.removeLeftovers();
            return new RepodataTarget(lock, publisher, publisher.stage());
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The published directory, {@code outDir/repodata}. */
    public Path repodata() {
        return publisher.repodata();
    }

    /** A writer for the metadata to publish; packages go to it in the order they are to be listed. */
    public RepodataWriter writer(Compression compression, ChecksumType checksumType, long expectedPackages)
            throws IOException {
        return new RepodataWriter(staging, compression, checksumType, expectedPackages);
    }

    /**
     * Stages a comps file to publish ({@code createrepo_c --groupfile}): gives its {@code group} and
     * compressed group records, to be published after the writer's.
     */
    public List<RepomdRecord> groupFile(byte[] comps, Compression compression, ChecksumType checksumType)
            throws IOException {
        return GroupRecords.write(staging, comps, compression, checksumType);
    }

    /**
     * Writes repomd.xml for the records {@link RepodataWriter#finish()} returned and makes the staged
     * metadata the published one, keeping the newest {@code retainOldMetadata} superseded files of
     * each kind.
     */
    public Repomd publish(List<RepomdRecord> records, int retainOldMetadata) throws IOException {
        return publish(records, List.of(), retainOldMetadata);
    }

    /** As {@link #publish(List, int)}, with the distributions repomd.xml is to name in its tags. */
    public Repomd publish(List<RepomdRecord> records, List<Repomd.Distro> distros, int retainOldMetadata)
            throws IOException {
        Repomd repomd = new Repomd(System.currentTimeMillis() / 1000, distros, records);
        Files.writeString(staging.resolve(Repomd.FILE_NAME), repomd.toXml(), StandardCharsets.UTF_8);
        publisher.publish(staging, repomd, retainOldMetadata);
        published = true;
        return repomd;
    }

    @Override
    public void close() throws IOException {
        try {
            if (!published) {
                publisher.discard(staging);
            }
        } finally {
            lock.close();
        }
    }
}
