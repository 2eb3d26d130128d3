package io.xsbuild.cli;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.fetch.FetchOptions;
import io.xsbuild.io.Sizes;
import io.xsbuild.isorepo.IsoRepoCreator;
import io.xsbuild.isorepo.IsoRepoRequest;
import io.xsbuild.snapshot.SnapshotResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code xsbuild repo snapshot --iso SRC... --out DIR}: flags mapped one to one onto
 * {@link IsoRepoCreator#create}. {@code repo create --iso} is the same command, spelled as it was
 * first, and makes the same engine call.
 */
@Command(name = "snapshot", header = "Publish snapshot ISOs as a repository of snapshots.", mixinStandardHelpOptions = true,
        sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = "xsbuild repo snapshot --iso=SRC [--iso=SRC]... --out=DIR [OPTIONS]",
        description = {
            "Publish the packages of snapshot ISOs (a binpkg and a source image) as the snapshot repository DIR/NAME "
                    + "(Packages/, SRPMS/, repodata/ with the images' comps, snapshot.json) and point DIR/current at it; "
                    + "unchanged packages are hard-linked to the previous snapshot's. The images may be paths, URLs or "
                    + "Maven coordinates, each checked against the SHA-256 it must have.",
            "It runs under a lock (DIR/.repodata.lock); a run that is killed leaves DIR/current naming a complete "
                    + "snapshot, the previous one or the new one. A bad package stops the run (exit 1), every bad file "
                    + "named, nothing published, unless --skip-bad.",
            "'xsbuild repo create --iso SRC... --out DIR' is the same command."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild repo snapshot --iso binpkg.iso --iso source.iso --out /srv/xs",
            "  xsbuild repo snapshot --iso https://build/nightly/binpkg.iso --out /srv/xs \\",
            "      --update --keep 7",
            "  xsbuild repo snapshot --iso com.xenserver:binpkg:8.4.0-58:iso \\",
            "      --maven-repo https://nexus/releases/ --iso source.iso#sha256=9f86d0...0a08 \\",
            "      --whitelist toolstack.txt --out /srv/xs"})
final class RepoSnapshotCommand extends XsbuildSubcommand {

    @Option(names = "--out", paramLabel = "DIR",
            description = "The directory of snapshots: the new one is DIR/NAME, and DIR/current points at it.")
    Path out;

    @Mixin
    SnapshotFlags images;

    @Mixin
    RepodataFlags repodata;

    @Option(names = "--wait", description = "Wait for another run on the same directory to finish, instead of failing.")
    boolean waitForLock;

    @Option(names = {"-v", "--verbose"}, description = "Show debug messages.")
    boolean verbose;

    RepoSnapshotCommand(CliContext context) {
        super(context);
    }

    IsoRepoRequest request() {
        return images.request(context, out, repodata, waitForLock);
    }

    @Override
    public Integer call() throws XsbuildException {
        return run(verbose, publishing(context, request(), images.network()), RepoSnapshotCommand::summary);
    }

    /** The engine call of both spellings: fetch the images the request names, then publish them. */
    static EngineCall<SnapshotResult> publishing(CliContext context, IsoRepoRequest request, FetchOptions.Network network) {
        FetchOptions fetching = FetchOptions.defaults(context.env(), context.workingDir()).withNetwork(network);
        return console -> new IsoRepoCreator(fetching, context.env(), console).create(request);
    }

    static String summary(SnapshotResult r) {
        StringBuilder s = new StringBuilder("Published snapshot ").append(r.directory()).append(" (").append(r.current())
                .append(" names it): ").append(r.packages()).append(r.packages() == 1 ? " package" : " packages")
                .append(" (").append(r.info().binaryPackages()).append(" binary, ").append(r.info().sourcePackages())
                .append(" source; ").append(r.copied()).append(" copied, ").append(r.linked()).append(" linked");
        if (r.reused() > 0) {
            s.append(", ").append(r.reused()).append(" unread");
        }
        s.append("), ").append(Sizes.human(r.bytesRead())).append(" read in ")
                .append(String.format(Locale.ROOT, "%.1f s", r.seconds()));
        if (!r.pruned().isEmpty()) {
            s.append("; removed ").append(String.join(", ", r.pruned()));
        }
        return s.append(skipped(r.skipped().size())).toString();
    }

    /** How many bad packages a run left out, as the end of its summary. */
    static String skipped(int count) {
        return count == 0 ? "" : "; " + count + " bad package" + (count == 1 ? "" : "s") + " left out";
    }
}
