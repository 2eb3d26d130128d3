package io.xsbuild.snapshot;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.io.AtomicFiles;
import io.xsbuild.io.Directories;
import io.xsbuild.json.Json;
import io.xsbuild.repo.BadPackagesException;
import io.xsbuild.repo.PackagePipeline;
import io.xsbuild.repo.RepoCreateResult.SkippedPackage;
import io.xsbuild.repo.RepoOptions;
import io.xsbuild.repo.RepodataTarget;
import io.xsbuild.repo.ReusableMetadata;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.write.RepodataWriter;
import io.xsbuild.rpm.BadPackageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishes the packages of snapshot ISOs (a binpkg image and a source image, say) as a snapshot
 * repository, {@code outDir/NAME/}, and points {@code outDir/current} at it: each package read once
 * from its image, copied while it is hashed and its header parsed, unchanged ones hard-linked to
 * the previous snapshot's; the images' comps file and product carried over into repodata and
 * snapshot.json. Nothing is published unless all of it is. The one entry point for ISO paths.
 */
public final class SnapshotCreator {

    private final Events events;

    public SnapshotCreator(Events events) {
        this.events = events;
    }

    public SnapshotResult create(SnapshotRequest request) throws XsbuildException {
        long started = System.nanoTime();
        validate(request);
        FileNameFilter names = FileNameFilter.of(request.include(), request.exclude());
        Set<String> whitelist = request.whitelist() == null ? null : Whitelist.read(request.whitelist());
        Path outDir = request.outDir().toAbsolutePath().normalize();
        List<OpenIso> isos = new ArrayList<>();
        try {
            for (SnapshotIso iso : request.isos()) {
                isos.add(OpenIso.open(iso));
            }
            return publish(request, outDir, isos, names, whitelist, started);
        } catch (IOException e) {
            throw new FailedException("Cannot publish a snapshot in " + outDir + ": " + e.getMessage(), e);
        } finally {
            for (OpenIso iso : isos) {
                try {
                    iso.close();
                } catch (IOException ignored) {
                    // read-only; nothing is lost
                }
            }
        }
    }

    private SnapshotResult publish(SnapshotRequest request, Path outDir, List<OpenIso> isos, FileNameFilter names,
                                   Set<String> whitelist, long started) throws XsbuildException, IOException {
        ProductInfo product = isos.stream().map(i -> i.content().product()).reduce(ProductInfo.UNKNOWN, ProductInfo::or);
        String name = SnapshotName.of(request.snapshot(), product, LocalDate.now());
        String from = isos.stream().map(i -> i.iso().name()).collect(Collectors.joining(", "));
        try (Snapshots snapshots = Snapshots.open(outDir, request.options().waitForLock(), events)) {
            snapshots.checkPublishable(name, nameOrigin(request, product, name));
            GroupFile group = group(isos);
            List<IsoPackage> packages = SnapshotLayout.plan(isos, names, events);
            events.info("Found " + packages.size() + " package" + (packages.size() == 1 ? "" : "s") + " in " + from);
            Path staging = snapshots.stage(name);
            Path previous = snapshots.current();
            if (previous != null) {
                events.info("Taking unchanged packages from snapshot " + previous.getFileName());
            }
            PackageImporter importer = new PackageImporter(staging, previous, reuse(request, previous),
                    request.options().reader(events), whitelist, request.options().update());
            Imported imported = importPackages(request, isos, packages, importer, group,
                    product.distro().stream().toList(), "snapshot " + name + " not published", from);
            SnapshotInfo info = info(name, product, isos, imported.sha256s(), importer, group, imported.repomd());
            AtomicFiles.writeString(staging.resolve(SnapshotLayout.INFO), Json.pretty(info));
            snapshots.publish(name);
            List<String> pruned = snapshots.prune(request.keep());
            PackagePipeline.Totals totals = imported.totals();
            List<SkippedPackage> skipped = totals.bad().stream().map(b -> new SkippedPackage(b.file(), b.problem())).toList();
            return new SnapshotResult(outDir.resolve(name), outDir.resolve(Snapshots.CURRENT), info, totals.written(),
                    totals.read(), totals.reused(), importer.copied(), importer.linked(), totals.leftOut(), skipped,
                    totals.bytesRead(), importer.bytesCopied(), pruned, (System.nanoTime() - started) / 1e9,
                    imported.repomd().records());
        }
    }

    /**
     * What importing the packages gave: the pipeline's totals, the repodata published in the staged
     * snapshot and the images' SHA-256s.
     */
    private record Imported(PackagePipeline.Totals totals, Repomd repomd, List<String> sha256s) {
    }

    /**
     * Brings the packages into the staged snapshot and publishes its repodata (the images' comps
     * file and distribution with it), each image read once, front to back, for its packages and its
     * SHA-256. Bad packages stop it unless {@code skipBad}, and so does an empty selection;
     * {@code unpublished} says what is then not done, {@code from} where the packages were.
     */
    private Imported importPackages(SnapshotRequest request, List<OpenIso> isos, List<IsoPackage> packages,
                                    PackageImporter importer, GroupFile group, List<Repomd.Distro> distros,
                                    String unpublished, String from) throws XsbuildException, IOException {
        try (importer; RepodataTarget target = RepodataTarget.open(importer.staging(), false, events)) {
            Files.createDirectories(importer.staging().resolve(SnapshotLayout.BINARY));
            Files.createDirectories(importer.staging().resolve(SnapshotLayout.SOURCE));
            RepoOptions options = request.options();
            PackagePipeline.Totals totals;
            List<RepomdRecord> records;
            PackageImporter.Plan plan = importer.plan(packages, isos, events);
            try (RepodataWriter writer = target.writer(options.compression(), options.checksumType(), packages.size())) {
                totals = new PackagePipeline(options.workers(), events).run(plan.jobs(), job -> job, plan.startOrder(),
                        writer, !options.skipBad());
                if (!totals.bad().isEmpty() && !options.skipBad()) {
                    throw new BadPackagesException(from, unpublished, totals.bad());
                }
                if (totals.written() == 0) {
                    throw new FailedException(Phrase.of("No package of ", from, " is left to publish: ", unpublished),
                            Phrase.of("check ", SnapshotRequest.Field.INCLUDE, ", ", SnapshotRequest.Field.EXCLUDE, " and ",
                                    SnapshotRequest.Field.WHITELIST), null);
                }
                records = new ArrayList<>(writer.finish());
            }
            for (BadPackageException bad : totals.bad()) {
                events.warn("skipped " + bad.getMessage());
            }
            if (group != null) {
                records.addAll(target.groupFile(group.xml(), options.compression(), options.checksumType()));
            }
            List<String> sha256s = importer.sha256s(isos);
            return new Imported(totals, target.publish(records, distros, 0), sha256s);
        }
    }

    /** The previous snapshot's metadata, to take unchanged packages from, or null. */
    private ReusableMetadata reuse(SnapshotRequest request, Path previous) {
        return previous == null ? null : ReusableMetadata.open(previous, request.options(), events);
    }

    /** The comps file of the first image whose repodata has one; another image's differing one is left out, with a warning. */
    private GroupFile group(List<OpenIso> isos) throws XsbuildException {
        GroupFile first = null;
        String firstFrom = null;
        for (OpenIso iso : isos) {
            if (iso.content().group().isEmpty()) {
                continue;
            }
            GroupFile g = GroupFile.read(iso.image(), iso.content().group().get());
            String from = iso.iso().name() + ":" + g.source();
            if (first == null) {
                first = g;
                firstFrom = from;
            } else if (!Arrays.equals(first.xml(), g.xml())) {
                events.warn("left out the comps file " + from + ": " + firstFrom + " is published");
            }
        }
        return first == null ? null : new GroupFile(firstFrom, first.xml());
    }

    private static SnapshotInfo info(String name, ProductInfo product, List<OpenIso> isos, List<String> sha256s,
                                     PackageImporter importer, GroupFile group, Repomd repomd) throws IOException {
        List<SnapshotInfo.Image> images = new ArrayList<>();
        for (int i = 0; i < isos.size(); i++) {
            OpenIso iso = isos.get(i);
            IsoContent c = iso.content();
            images.add(new SnapshotInfo.Image(iso.iso().name(), iso.iso().source(), sha256s.get(i),
                    Files.size(iso.iso().file()), c.volume().volumeId(), c.kind(), c.rpms().size(), c.treeInfo() != null,
                    c.legacy().stream().map(LegacyRepository::identifier).toList()));
        }
        return new SnapshotInfo(name, Instant.ofEpochSecond(repomd.revision()), product, images,
                importer.binaryPackages(), importer.sourcePackages(),
                group == null ? null : group.source(), repomd.distros());
    }

    /** What the snapshot's name was made of, when the request did not give it; else null. */
    private static String nameOrigin(SnapshotRequest request, ProductInfo product, String name) {
        if (request.snapshot() != null) {
            return null;
        }
        boolean fromDate = name.equals(LocalDate.now().toString()) && (product.buildNumber() == null
                || !name.equals(product.buildNumber()));
        return fromDate ? "today's date" : "the build number '" + product.buildNumber() + "' the images give";
    }

    private static void validate(SnapshotRequest r) throws UsageException {
        if (r.isos().isEmpty()) {
            throw new UsageException(Phrase.of("no ISO to publish"), Phrase.of("give one or more ", SnapshotRequest.Field.ISOS));
        }
        for (SnapshotIso iso : r.isos()) {
            if (!Files.isRegularFile(iso.file())) {
                throw new UsageException("ISO " + iso.file() + (Files.exists(iso.file()) ? " is not a file" : " does not exist"),
                        "give the path of an ISO image");
            }
        }
        Phrase outProblem = Directories.notADirectory(r.outDir(), SnapshotRequest.Field.OUT_DIR, "the snapshots");
        if (outProblem != null) {
            throw new UsageException(outProblem, null);
        }
        if (r.snapshot() != null) {
            SnapshotName.of(r.snapshot(), ProductInfo.UNKNOWN, LocalDate.now());
        }
        if (r.keep() < 0) {
            throw new UsageException(Phrase.of(SnapshotRequest.Field.KEEP, " ", r.keep(), " is not a count"),
                    Phrase.of("give 1 or more snapshots to keep, or 0 for all"));
        }
        r.options().check();
    }
}
