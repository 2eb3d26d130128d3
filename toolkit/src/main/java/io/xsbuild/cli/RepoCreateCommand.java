package io.xsbuild.cli;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.io.Sizes;
import io.xsbuild.isorepo.IsoRepoRequest;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoCreateResult;
import io.xsbuild.repo.RepoCreator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code xsbuild repo create DIR}: flags mapped one to one onto {@link RepoCreator#create}. With
 * {@code --iso} it is {@code repo snapshot} as first spelled: the snapshot flags are its own, help,
 * man page and completion included, and it makes the engine call of {@link RepoSnapshotCommand}.
 */
@Command(name = "create", header = "Publish DIR/repodata as createrepo_c does, or snapshot ISOs as a repository.", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Publish DIR/repodata for every *.rpm under DIR (hrefs relative to DIR), as "
                    + "'createrepo_c --no-database DIR' does: primary, filelists and other metadata and repomd.xml.",
            "Each package is read once. The new metadata is swapped in atomically, under a lock "
                    + "(DIR/.repodata.lock): a run that is killed leaves the published repodata as it was.",
            "With --iso, publish the packages of snapshot ISOs (a binpkg and a source image) as the snapshot "
                    + "repository --out DIR/NAME (Packages/, SRPMS/, repodata/ with the images' comps, snapshot.json) and "
                    + "point DIR/current at it; unchanged packages are hard-linked to the previous snapshot's.",
            "A bad package stops the run (exit 1), every bad file named, nothing published, unless --skip-bad."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild repo create ./repo",
            "  xsbuild repo create --update --retain-old-md 2 /srv/xs/8.2",
            "  xsbuild repo create --baseurl http://mirror/xs/8.2/ --out ./meta ./rpms",
            "  xsbuild repo create --compress zstd --checksum sha512 --json ./repo",
            "  xsbuild repo create --iso binpkg.iso --iso source.iso --out /srv/xs --keep 7",
            "  xsbuild repo create --iso https://build/nightly/binpkg.iso --out /srv/xs --update",
            "  xsbuild repo create --iso com.xenserver:binpkg:8.4.0-58:iso --maven-repo https://nexus/releases/ \\",
            "      --iso source.iso#sha256=9f86d0...b0f00a08 --whitelist toolstack.txt --out /srv/xs"})
final class RepoCreateCommand extends XsbuildSubcommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The directory whose *.rpm files (recursively) to publish (not with --iso).")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write repodata/ under this directory instead of DIR; with --iso, the directory of snapshots.")
    Path out;

    @Mixin
    SnapshotFlags images;

    @Option(names = {"-g", "--groupfile"}, paramLabel = "FILE",
            description = "A comps file to publish as the group and group_gz records, for yum groupinstall "
                    + "(with --iso, the ISO's own comps is published).")
    Path groupFile;

    @Mixin
    RepodataFlags repodata;

    @Option(names = "--retain-old-md", paramLabel = "N",
            description = "Keep the N newest superseded metadata files of each kind in repodata/ (default: 0; not with --iso).")
    int retainOldMetadata;

    @Option(names = "--wait", description = "Wait for another run on the same directory to finish, instead of failing.")
    boolean waitForLock;

    @Option(names = {"-v", "--verbose"}, description = "Show debug messages.")
    boolean verbose;

    RepoCreateCommand(CliContext context) {
        super(context);
    }

    RepoCreateRequest request() {
        if (dir == null) {
            throw usage("Missing DIR, the directory of packages to publish (or --iso SRC --out DIR)");
        }
        List<String> snapshotFlags = given(images);
        if (!snapshotFlags.isEmpty()) {
            throw usage(String.join(", ", snapshotFlags) + (snapshotFlags.size() == 1 ? " only goes" : " only go")
                    + " with --iso SRC --out DIR");
        }
        Path packages = context.resolve(dir);
        return RepoCreateRequest.builder(packages).outDir(out == null ? packages : context.resolve(out))
                .options(repodata.options(waitForLock)).retainOldMetadata(retainOldMetadata)
                .groupFile(groupFile == null ? null : context.resolve(groupFile)).build();
    }

    /** With --iso: the request of {@code repo snapshot}, refusing what only a directory of packages takes. */
    IsoRepoRequest isoRequest() {
        if (dir != null) {
            throw usage("With --iso, give the directory of snapshots as --out DIR, not as DIR");
        }
        if (out == null) {
            throw usage("Missing --out DIR, the directory of snapshots to publish the ISOs into");
        }
        if (given("--groupfile")) {
            throw usage("--groupfile is not for --iso: the comps group of the ISO's own repodata is published");
        }
        if (given("--retain-old-md")) {
            throw usage("--retain-old-md is not for --iso: each snapshot's repodata is new (see --keep)");
        }
        return images.request(context, out, repodata, waitForLock);
    }

    @Override
    public Integer call() throws XsbuildException {
        if (given("--iso")) {
            return run(verbose, RepoSnapshotCommand.publishing(context, isoRequest(), images.network()),
                    RepoSnapshotCommand::summary);
        }
        RepoCreateRequest request = request();
        return run(verbose, console -> new RepoCreator(console).create(request), RepoCreateCommand::summary);
    }

    static String summary(RepoCreateResult r) {
        StringBuilder s = new StringBuilder("Published ").append(r.repodata()).append(": ").append(r.packages())
                .append(r.packages() == 1 ? " package" : " packages");
        if (r.reused() > 0) {
            s.append(" (").append(r.read()).append(" read, ").append(r.reused()).append(" unchanged)");
        }
        s.append(", ").append(Sizes.human(r.bytesRead())).append(" read in ")
                .append(String.format(Locale.ROOT, "%.1f s", r.seconds()));
        return s.append(RepoSnapshotCommand.skipped(r.skipped().size())).toString();
    }
}
