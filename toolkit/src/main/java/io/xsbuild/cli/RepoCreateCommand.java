package io.xsbuild.cli;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.io.Sizes;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoCreateResult;
import io.xsbuild.repo.RepoCreator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;

/** {@code xsbuild repo create DIR}: flags mapped one to one onto {@link RepoCreator#create}. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Publish DIR/repodata for every *.rpm under DIR (hrefs relative to DIR), as "
                    + "'createrepo_c --no-database DIR' does: primary, filelists and other metadata and repomd.xml.",
            "Each package is read once. The new metadata is swapped in atomically, under a lock "
                    + "(DIR/.repodata.lock): a run that is killed leaves the published repodata as it was.",
            "A bad package stops the run (exit 1), every bad file named, nothing published, unless --skip-bad."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild repo create ./repo",
            "  xsbuild repo create --update --retain-old-md 2 /srv/xs/8.2",
            "  xsbuild repo create --baseurl http://mirror/xs/8.2/ --out ./meta ./rpms",
            "  xsbuild repo create --compress zstd --checksum sha512 --json ./repo"})
final class RepoCreateCommand extends XsbuildSubcommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory whose *.rpm files (recursively) to publish.")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "Write repodata/ under this directory instead of DIR.")
    Path out;

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
                    + "type are unchanged; read only new and changed files.")
    boolean update;

    @Option(names = "--skip-bad", description = "Publish without bad packages, with a warning for each.")
    boolean skipBad;

    @Option(names = "--retain-old-md", paramLabel = "N",
            description = "Keep the N newest superseded metadata files of each kind in repodata/ (default: 0).")
    int retainOldMetadata;

    @Option(names = "--wait", description = "Wait for another run on the same directory to finish, instead of failing.")
    boolean waitForLock;

    @Option(names = {"-v", "--verbose"}, description = "Show debug messages.")
    boolean verbose;

    RepoCreateCommand(CliContext context) {
        super(context);
    }

    RepoCreateRequest request() {
        Path packages = context.resolve(dir);
        return new RepoCreateRequest(packages, out == null ? packages : context.resolve(out), baseUrl, changelogLimit,
                checksum, compress, workers, update, skipBad, retainOldMetadata, waitForLock);
    }

    @Override
    public Integer call() throws XsbuildException {
        Console console = console(verbose);
        RepoCreateResult result;
        try {
            result = new RepoCreator(console).create(request());
        } finally {
            console.close();
        }
        print(result, RepoCreateCommand::summary);
        return ExitCodes.OK;
    }

    static String summary(RepoCreateResult r) {
        StringBuilder s = new StringBuilder("Published ").append(r.repodata()).append(": ").append(r.packages())
                .append(r.packages() == 1 ? " package" : " packages");
        if (r.reused() > 0) {
            s.append(" (").append(r.read()).append(" read, ").append(r.reused()).append(" unchanged)");
        }
        s.append(", ").append(Sizes.human(r.bytesRead())).append(" read in ")
                .append(String.format(Locale.ROOT, "%.1f s", r.seconds()));
        if (!r.skipped().isEmpty()) {
            s.append("; ").append(r.skipped().size()).append(" bad package")
                    .append(r.skipped().size() == 1 ? "" : "s").append(" left out");
        }
        return s.toString();
    }
}
