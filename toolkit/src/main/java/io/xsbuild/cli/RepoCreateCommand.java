package io.xsbuild.cli;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.fetch.FetchOptions;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.io.Sizes;
import io.xsbuild.isorepo.IsoRepoCreator;
import io.xsbuild.isorepo.IsoRepoRequest;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoCreateResult;
import io.xsbuild.repo.RepoCreator;
import io.xsbuild.snapshot.SnapshotRequest;
import io.xsbuild.snapshot.SnapshotResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code xsbuild repo create DIR} and {@code xsbuild repo create --iso SRC... --out DIR}: flags
 * mapped one to one onto {@link RepoCreator#create}, or with {@code --iso} onto
 * {@link IsoRepoCreator#create}.
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

    @Option(names = "--iso", paramLabel = "SRC",
            description = "A snapshot ISO to publish, repeatable: a path, an http(s) URL (cached, resumed, checked against "
                    + "URL.sha256 when the server has one) or Maven coordinates G:A:V[:ext[:classifier]]; "
                    + "SRC#sha256=HEX gives the SHA-256 it must have.")
    List<String> isos = new ArrayList<>();

    @Option(names = "--sha256", paramLabel = "HEX", description = "The SHA-256 of the only --iso.")
    String sha256;

    @Option(names = "--maven-repo", paramLabel = "URL",
            description = "A Maven repository to resolve --iso coordinates from, repeatable (default: Maven Central; "
                    + "the mirrors and credentials of ~/.m2/settings.xml apply).")
    List<URI> mavenRepositories = new ArrayList<>();

    @Option(names = "--snapshot", paramLabel = "NAME",
            description = "The snapshot's name (default: the build number of the images' .treeinfo, else today's date).")
    String snapshot;

    @Option(names = "--keep", paramLabel = "N",
            description = "Keep the N newest snapshots, the new one included, and remove older ones (default: 0, all).")
    int keep;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Publish only packages whose file name matches, repeatable ('xen-*', '*.x86_64.rpm').")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out packages whose file name matches, repeatable ('*-guest-*.src.rpm').")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--whitelist", paramLabel = "FILE",
            description = "Publish only the packages named in FILE (header names, one a line, '#' comments).")
    Path whitelist;

    @Option(names = {"-g", "--groupfile"}, paramLabel = "FILE",
            description = "A comps file to publish as the group and group_gz records, for yum groupinstall "
                    + "(with --iso, the ISO's own comps is published).")
    Path groupFile;

    @Option(names = {"-u", "--baseurl"}, paramLabel = "URL",
            description = "The base URL packages are published under (xml:base of every location).")
    String baseUrl = "";

    @Option(names = "--changelog-limit", paramLabel = "N",
            description = "Changelog entries kept per package, newest first (default: ${DEFAULT-VALUE}; -1 for all).")
    int changelogLimit = RepoCreateRequest.DEFAULT_CHANGELOG_LIMIT;

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
        List<String> isoOptions = isoOptionsGiven();
        if (!isoOptions.isEmpty()) {
            throw usage(String.join(", ", isoOptions) + " only go with --iso SRC --out DIR");
        }
        Path packages = context.resolve(dir);
        return new RepoCreateRequest(packages, out == null ? packages : context.resolve(out), baseUrl, changelogLimit,
                checksum, compress, workers, update, skipBad, retainOldMetadata, waitForLock,
                groupFile == null ? null : context.resolve(groupFile));
    }

    IsoRepoRequest isoRequest() {
        if (dir != null) {
            throw usage("With --iso, give the directory of snapshots as --out DIR, not as DIR");
        }
        if (out == null) {
            throw usage("Missing --out DIR, the directory of snapshots to publish the ISOs into");
        }
        if (groupFile != null) {
            throw usage("--groupfile is not for --iso: the comps group of the ISO's own repodata is published");
        }
        if (retainOldMetadata != 0) {
            throw usage("--retain-old-md is not for --iso: each snapshot's repodata is new (see --keep)");
        }
        SnapshotRequest snapshotRequest = new SnapshotRequest(List.of(), context.resolve(out), snapshot, keep, include,
                exclude, whitelist == null ? null : context.resolve(whitelist), update, baseUrl, changelogLimit, checksum,
                compress, workers, skipBad, waitForLock);
        return new IsoRepoRequest(isos, sha256, mavenRepositories, snapshotRequest);
    }

    private List<String> isoOptionsGiven() {
        List<String> given = new ArrayList<>();
        if (sha256 != null) {
            given.add("--sha256");
        }
        if (!mavenRepositories.isEmpty()) {
            given.add("--maven-repo");
        }
        if (snapshot != null) {
            given.add("--snapshot");
        }
        if (keep != 0) {
            given.add("--keep");
        }
        if (!include.isEmpty()) {
            given.add("--include");
        }
        if (!exclude.isEmpty()) {
            given.add("--exclude");
        }
        if (whitelist != null) {
            given.add("--whitelist");
        }
        return given;
    }

    @Override
    public Integer call() throws XsbuildException {
        if (isos.isEmpty()) {
            RepoCreateRequest request = request();
            print(withConsole(console -> new RepoCreator(console).create(request)), RepoCreateCommand::summary);
        } else {
            IsoRepoRequest request = isoRequest();
            FetchOptions fetching = FetchOptions.defaults(context.env(), context.workingDir());
            print(withConsole(console -> new IsoRepoCreator(fetching, context.env(), console).create(request)),
                    RepoCreateCommand::summary);
        }
        return ExitCodes.OK;
    }

    /** The engine call, with its events rendered on a console. */
    private interface EngineCall<T> {
        T run(Console console) throws XsbuildException;
    }

    private <T> T withConsole(EngineCall<T> call) throws XsbuildException {
        Console console = console(verbose);
        try {
            return call.run(console);
        } finally {
            console.close();
        }
    }

    static String summary(RepoCreateResult r) {
        StringBuilder s = new StringBuilder("Published ").append(r.repodata()).append(": ").append(r.packages())
                .append(r.packages() == 1 ? " package" : " packages");
        if (r.reused() > 0) {
            s.append(" (").append(r.read()).append(" read, ").append(r.reused()).append(" unchanged)");
        }
        s.append(", ").append(Sizes.human(r.bytesRead())).append(" read in ")
                .append(String.format(Locale.ROOT, "%.1f s", r.seconds()));
        return s.append(skipped(r.skipped().size())).toString();
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

    private static String skipped(int count) {
        return count == 0 ? "" : "; " + count + " bad package" + (count == 1 ? "" : "s") + " left out";
    }
}
