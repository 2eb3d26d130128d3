package io.xsbuild.cli;

import io.xsbuild.container.FakeRuntime;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RepoCommandTest {

    @TempDir
    Path tmp;

    /** createrepo_c's test packages from ../shared, copied to {@code dir}; skipped when absent. */
    static void copyTestPackages(Path dir) throws Exception {
        String shared = System.getProperty("xsbuild.shared.dir");
        Path packages = shared == null ? null : Path.of(shared, "testdata/createrepo_c/packages");
        Assumptions.assumeTrue(packages != null && Files.isDirectory(packages), "no createrepo_c test data in ../shared");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(packages)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
    }

    private CliRun run(String... args) {
        return CliRun.run(FakeRuntime::new, Map.of(), tmp, args);
    }

    @Test
    void everyFlagMapsOntoTheRequest() {
        CliContext context = new CliContext(FakeRuntime::new, Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false, tmp);
        RepoCreateCommand cmd = CommandLine.populateCommand(new RepoCreateCommand(context), "--out", "meta",
                "--baseurl", "http://m/x/", "--changelog-limit", "3", "--checksum", "sha512", "--compress", "zstd",
                "--workers", "5", "--update", "--skip-bad", "--retain-old-md", "2", "--wait", "--groupfile", "comps.xml", "rpms");
        assertThat(cmd.request()).isEqualTo(RepoCreateRequest.builder(tmp.resolve("rpms")).outDir(tmp.resolve("meta"))
                .options(RepoOptions.builder().baseUrl("http://m/x/").changelogLimit(3).checksumType(ChecksumType.SHA512)
                        .compression(Compression.ZSTD).workers(5).update(true).skipBad(true).waitForLock(true).build())
                .retainOldMetadata(2).groupFile(tmp.resolve("comps.xml")).build());
        RepoCreateCommand defaults = CommandLine.populateCommand(new RepoCreateCommand(context), "rpms");
        assertThat(defaults.request()).isEqualTo(RepoCreateRequest.defaults(tmp.resolve("rpms")));
    }

    @Test
    void helpExplainsAndShowsExamples() {
        CliRun r = run("repo", "create", "--help");
        assertThat(r.exitCode).isZero();
        assertThat(r.out).contains("Usage: xsbuild repo create", "--update", "--skip-bad", "--retain-old-md",
                "Examples:", "xsbuild repo create ./repo");
        assertThat(run("repo", "--help").out).contains("create", "Examples:");
    }

    @Test
    void publishesAndSaysWhat() throws Exception {
        copyTestPackages(tmp.resolve("repo"));
        CliRun r = run("repo", "create", "--workers", "2", "repo");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.strip()).matches("Published " + tmp.resolve("repo/repodata")
                + ": 12 packages, 31\\.0 KiB read in [0-9.]+ s");
        assertThat(r.err).contains("Found 12 packages", "Reading packages: 12/12 pkg");
        assertThat(tmp.resolve("repo/repodata/repomd.xml")).exists();
        CliRun again = run("repo", "create", "--update", "repo");
        assertThat(again.out).contains("12 packages (0 read, 12 unchanged), 0 B read");
    }

    @Test
    void jsonIsTheResultObject() throws Exception {
        copyTestPackages(tmp.resolve("repo"));
        CliRun r = run("--json", "repo", "create", "repo");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.strip()).startsWith("{").endsWith("}")
                .contains("\"packages\": 12", "\"checksum\": \"sha256\"", "\"compression\": \"gz\"",
                        "\"type\": \"primary\"", "\"skipped\": []");
    }

    @Test
    void badPackagesExit1WithEachNamedOnOneLine() throws Exception {
        copyTestPackages(tmp.resolve("repo"));
        Files.writeString(tmp.resolve("repo/broken.rpm"), "x".repeat(200));
        CliRun r = run("repo", "create", "repo");
        assertThat(r.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err.lines().filter(l -> l.startsWith("xsbuild: ")).toList()).singleElement().asString()
                .startsWith("xsbuild: 1 bad package in " + tmp.resolve("repo"))
                .contains("broken.rpm: not an RPM package: starts with 78 78 78 78", "--skip-bad");
        assertThat(tmp.resolve("repo/repodata")).doesNotExist();
        CliRun skipping = run("repo", "create", "--skip-bad", "repo");
        assertThat(skipping.exitCode).isZero();
        assertThat(skipping.err).contains("warning: skipped broken.rpm: not an RPM package");
        assertThat(skipping.out).contains("12 packages", "1 bad package left out");
    }

    @Test
    void anOutThatIsAFileIsOneLineSayingSo() throws Exception {
        copyTestPackages(tmp.resolve("repo"));
        Path file = Files.writeString(tmp.resolve("file"), "not a directory");
        CliRun direct = run("repo", "create", "--out", "file", "repo");
        CliRun below = run("repo", "create", "--out", "file/sub", "repo");
        assertThat(direct.exitCode).as(direct.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(direct.err.lines().toList()).containsExactly("xsbuild: --out " + file
                + " is a file, not a directory: give a directory for the repository (it is made if missing)");
        assertThat(below.exitCode).as(below.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(below.err.lines().toList()).containsExactly("xsbuild: --out " + file.resolve("sub") + ": " + file
                + " is a file, not a directory: give a directory for the repository (it is made if missing)");
        assertThat(file).hasContent("not a directory");
    }

    /** The refusals of the repodata library, as the command line words them: each option named by its flag. */
    @Test
    void theLibrarysRefusalsNameTheFlags() throws Exception {
        Files.createDirectories(tmp.resolve("repo"));
        Path html = Files.writeString(tmp.resolve("html.xml"), "<html/>");
        CliRun comps = run("repo", "create", "--groupfile", "html.xml", "repo");
        assertThat(comps.exitCode).as(comps.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(comps.err.lines().toList()).containsExactly("xsbuild: --groupfile " + html + " is not comps XML: its root "
                + "element is <html>, not <comps>: give a comps file (<comps> with <group> elements), as yum and dnf read");
        assertThat(run("repo", "create", "--groupfile", "nowhere.xml", "repo").err.lines().toList())
                .containsExactly("xsbuild: No group file at " + tmp.resolve("nowhere.xml")
                        + ": give the comps XML file to publish with --groupfile");
        assertThat(run("repo", "create", "--workers", "0", "repo").err.lines().toList())
                .containsExactly("xsbuild: --workers 0 is not a number of workers: give 1 or more");
        assertThat(run("repo", "create", "--changelog-limit", "-2", "repo").err.lines().toList())
                .containsExactly("xsbuild: --changelog-limit -2 is not a limit: give 0 or more entries, or -1 for all");
        assertThat(run("repo", "create", "--retain-old-md", "-1", "repo").err.lines().toList())
                .containsExactly("xsbuild: --retain-old-md -1 is not a count: give 0 or more");
        assertThat(run("repo", "create", "--baseurl", "http://m/\u0007", "repo").err.lines().toList())
                .containsExactly("xsbuild: --baseurl contains a control character: give a URL");
        assertThat(tmp.resolve("repo/repodata")).doesNotExist();
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("repo", "create", "--compress", "bz2", "x").exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run("repo", "create").exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run("repo").exitCode).isEqualTo(ExitCodes.USAGE);
        CliRun missing = run("repo", "create", "nowhere");
        assertThat(missing.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err).contains("nowhere is not a directory");
    }
}
