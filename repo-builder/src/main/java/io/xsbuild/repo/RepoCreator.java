package io.xsbuild.repo;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.io.Directories;
import io.xsbuild.io.FileChecksums;
import io.xsbuild.repo.PackagePipeline.Fetched;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.write.GroupRecords;
import io.xsbuild.repo.write.RepodataWriter;
import io.xsbuild.rpm.BadPackageException;
import io.xsbuild.rpm.RpmReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes yum repodata for a directory of RPM packages, as {@code createrepo_c --no-database}
 * does: primary, filelists and other metadata and a repomd.xml, swapped in atomically under a
 * lock. The one entry point the command line calls.
 */
public final class RepoCreator {

    private final Events events;

    public RepoCreator(Events events) {
        this.events = events;
    }

    public RepoCreateResult create(RepoCreateRequest request) throws XsbuildException {
        long started = System.nanoTime();
        validate(request);
        byte[] comps = request.groupFile() == null ? null : comps(request.groupFile());
        Path outDir = request.outDir().toAbsolutePath().normalize();
        try (RepodataTarget target = RepodataTarget.open(outDir, request.options().waitForLock(), events)) {
            RepoOptions options = request.options();
            // the published blocks are checked and read while the packages are listed
            CompletableFuture<ReusableBlocks> opening = options.update()
                    ? CompletableFuture.supplyAsync(() -> ReusableBlocks.open(request.outDir(), options, events))
                    : CompletableFuture.completedFuture(null);
            List<PackageFile> files = PackageScanner.scan(request.packagesDir(), events);
            events.info("Found " + files.size() + " package" + (files.size() == 1 ? "" : "s") + " in "
                    + request.packagesDir());
            RpmReader reader = options.reader(events);
            ReusableBlocks blocks = opening.join();
            if (blocks != null) {
                RepoCreateResult unchanged = unchanged(request, target, files, () -> blocks.unchanged(files), started);
                if (unchanged != null) {
                    return unchanged;
                }
            }
            ReusableMetadata opened = options.update() && blocks == null ? ReusableMetadata.open(request, events) : null;
            if (opened != null) {
                RepoCreateResult unchanged;
                ReusableMetadata walk = opened;
                try {
                    unchanged = unchanged(request, target, files, () -> walk.unchanged(files), started);
                } finally {
                    if (opened.consumed()) {
                        opened.close();
                    }
                }
                if (unchanged != null) {
                    return unchanged;
                }
                if (opened.consumed()) {
                    opened = ReusableMetadata.open(request, events);
                }
            }
            ReusableMetadata reuse = opened;
            PackagePipeline.Totals totals;
            List<RepomdRecord> records;
            try (reuse; RepodataWriter writer = target.writer(options.compression(), options.checksumType(),
                    files.size())) {
                PackagePipeline pipeline = new PackagePipeline(options.workers(), events);
                if (blocks != null) {
                    totals = pipeline.run(blocks.plan(files), ReusableBlocks.Item::packages,
                            item -> blocks.job(item, reader), writer, !options.skipBad());
                } else {
                    totals = pipeline.run(files, file -> {
                        Fetched old = reuse == null ? null : reuse.reuse(file);
                        return old != null ? () -> old : () -> Fetched.read(file.read(reader));
                    }, writer, !options.skipBad());
                }
                if (!totals.bad().isEmpty() && !options.skipBad()) {
                    throw new BadPackagesException(request.packagesDir(), totals.bad());
                }
                records = new ArrayList<>(writer.finish());
                if (writer.copied() > 0) {
                    events.debug(writer.copied() + " packages came in published blocks, copied as they were");
                }
            }
            if (request.groupFile() != null) {
                records.addAll(target.groupFile(comps, options.compression(), options.checksumType()));
            }
            for (BadPackageException bad : totals.bad()) {
                events.warn("skipped " + bad.getMessage());
            }
            Repomd repomd = target.publish(records, request.retainOldMetadata());
            List<RepoCreateResult.SkippedPackage> skipped = totals.bad().stream()
                    .map(b -> new RepoCreateResult.SkippedPackage(b.file(), b.problem())).toList();
            return new RepoCreateResult(target.repodata(), totals.written(), totals.read(), totals.reused(), skipped,
                    totals.bytesRead(), (System.nanoTime() - started) / 1e9, options.checksumType().repodataName(),
                    options.compression().toString(), repomd.records());
        } catch (IOException e) {
            throw new FailedException("Cannot publish " + outDir.resolve("repodata") + ": " + e.getMessage(), e);
        }
    }

    /**
     * The result of an update that finds nothing to change: every package reused as published, no
     * package more, the same group file, checksum and compression. Then nothing is written, and the
     * published repodata (repomd.xml included) stays as it is. Null when something changed.
     */
    /** Whether every package would be published as it was, and no other. */
    @FunctionalInterface
    private interface AllReused {
        boolean test() throws IOException;
    }

    private RepoCreateResult unchanged(RepoCreateRequest request, RepodataTarget target, List<PackageFile> files,
                                       AllReused allReused, long started) throws IOException {
        Repomd published;
        try {
            published = Repomd.read(target.repodata().resolve(Repomd.FILE_NAME)).withKnownChecksums();
        } catch (IOException e) {
            return null;
        }
        RepoOptions options = request.options();
        List<String> types = new ArrayList<>(List.of("primary", "filelists", "other"));
        if (request.groupFile() != null) {
            types.addAll(List.of("group", "group_gz"));
        }
        if (!published.records().stream().map(RepomdRecord::type).toList().equals(types)) {
            return null;
        }
        for (RepomdRecord r : published.records()) {
            boolean suffix = r.type().equals("group") || r.href().endsWith(options.compression().suffix());
            boolean present = Files.isRegularFile(target.repodata().getParent().resolve(r.href()));
            if (r.knownChecksumType().orElse(null) != options.checksumType() || !suffix || !present) {
                return null;
            }
        }
        if (request.groupFile() != null && !FileChecksums.of(request.groupFile(), options.checksumType())
                .equals(published.record("group").orElseThrow().checksum())) {
            return null;
        }
        if (!allReused.test()) {
            return null;
        }
        events.info("Nothing changed since " + target.repodata().resolve(Repomd.FILE_NAME)
                + " was published: it is left as it is");
        return new RepoCreateResult(target.repodata(), files.size(), 0, files.size(), List.of(), 0,
                (System.nanoTime() - started) / 1e9, options.checksumType().repodataName(),
                options.compression().toString(), published.records());
    }

    /** The comps file to publish, read and checked before anything is written. */
    private static byte[] comps(Path file) throws UsageException {
        byte[] xml;
        try {
            xml = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException(Phrase.of(RepoCreateRequest.Field.GROUP_FILE, " ", file, " cannot be read: ", e.getMessage()),
                    Phrase.of("give a readable comps XML file"));
        }
        String problem = GroupRecords.notComps(xml);
        if (problem != null) {
            throw new UsageException(Phrase.of(RepoCreateRequest.Field.GROUP_FILE, " ", file, " is not comps XML: ", problem),
                    Phrase.of("give a comps file (<comps> with <group> elements), as yum and dnf read"));
        }
        return xml;
    }

    private static void validate(RepoCreateRequest r) throws UsageException {
        if (!Files.isDirectory(r.packagesDir())) {
            throw new UsageException(r.packagesDir() + " is not a directory", "give the directory that holds the packages");
        }
        Phrase outProblem = Directories.notADirectory(r.outDir(), RepoCreateRequest.Field.OUT_DIR, "the repository");
        if (outProblem != null) {
            throw new UsageException(outProblem, null);
        }
        if (r.retainOldMetadata() < 0) {
            throw new UsageException(Phrase.of(RepoCreateRequest.Field.RETAIN_OLD_METADATA, " ", r.retainOldMetadata(),
                    " is not a count"), Phrase.of("give 0 or more"));
        }
        if (r.groupFile() != null && !Files.isRegularFile(r.groupFile())) {
            throw new UsageException(Phrase.of("No group file at ", r.groupFile()),
                    Phrase.of("give the comps XML file to publish with ", RepoCreateRequest.Field.GROUP_FILE));
        }
        r.options().check();
    }
}
