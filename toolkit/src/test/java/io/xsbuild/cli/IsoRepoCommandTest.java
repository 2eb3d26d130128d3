package io.xsbuild.cli;

import io.xsbuild.container.FakeRuntime;
import io.xsbuild.event.Events;
import io.xsbuild.fetch.LoopbackServer;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.isorepo.IsoRepoRequest;
import io.xsbuild.iso.IsoWriter;
import io.xsbuild.repo.RepoOptions;
import io.xsbuild.snapshot.SnapshotRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code xsbuild repo create --iso}: its flags, and images from paths, URLs and Maven coordinates,
 * good, tampered, missing and hostile, end to end through the command line.
 */
class IsoRepoCommandTest {

    static final String TREEINFO = "[system-v1]\nproduct_name = XenServer\nproduct_version = 8.4.0\n[build]\nnumber = 58\n";

    @TempDir
    Path tmp;

    Path iso;
    byte[] bytes;

    @BeforeEach
    void image() throws Exception {
        Path tree = tmp.resolve("tree/Packages");
        RepoCommandTest.copyTestPackages(tree);
        iso = tmp.resolve("binpkg.iso");
        new IsoWriter("XS binpkg", Instant.ofEpochSecond(1_700_000_000)).addTree("", tmp.resolve("tree"))
                .addBytes(".treeinfo", TREEINFO.getBytes(StandardCharsets.UTF_8)).write(iso, Events.NONE);
        bytes = Files.readAllBytes(iso);
    }

    private CliRun run(String... args) {
        return CliRun.run(FakeRuntime::new, Map.of("HOME", tmp.resolve("home").toString(),
                "XDG_CACHE_HOME", tmp.resolve("cache").toString()), tmp, args);
    }

    private RepoCreateCommand parse(String... args) {
        CliContext context = new CliContext(FakeRuntime::new, Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false, tmp);
        return CommandLine.populateCommand(new RepoCreateCommand(context), args);
    }

    /** Exit 1, one line naming what is wrong, and nothing published. */
    private void failsWithOneLine(CliRun r, String... says) {
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err.lines().filter(l -> l.startsWith("xsbuild: ")).toList()).as(r.toString()).singleElement()
                .asString().contains(says);
        assertThat(tmp.resolve("out/current")).doesNotExist();
        assertThat(tmp.resolve("out/58")).doesNotExist();
    }

    /** The refusals of the snapshot library, as the command line words them: each option named by its flag. */
    @Test
    void theLibrarysRefusalsNameTheFlags() throws Exception {
        CliRun glob = run("repo", "snapshot", "--iso", iso.toString(), "--out", "out", "--include", "[abc");
        assertThat(glob.exitCode).as(glob.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(glob.err.lines().toList()).containsExactly("xsbuild: --include '[abc' is not a glob: a '[' is not closed: "
                + "use *, ?, [a-z] and {a,b}");
        assertThat(run("repo", "snapshot", "--iso", iso.toString(), "--out", "out", "--exclude", "{a,{b}}").err)
                .contains("xsbuild: --exclude '{a,{b}}' is not a glob");
        assertThat(run("repo", "snapshot", "--iso", iso.toString(), "--out", "out", "--include", "Packages/*").err)
                .contains("xsbuild: --include 'Packages/*' cannot match a file name");
        assertThat(run("repo", "snapshot", "--iso", iso.toString(), "--out", "out", "--keep", "-1").err)
                .contains("xsbuild: --keep -1 is not a count: give 1 or more snapshots to keep, or 0 for all");
        assertThat(run("repo", "snapshot", "--iso", iso.toString(), "--out", "out", "--workers", "0").err)
                .contains("xsbuild: --workers 0 is not a number of workers: give 1 or more");
        assertThat(tmp.resolve("out/current")).doesNotExist();

        Files.createDirectories(tmp.resolve("out/58"));
        Files.writeString(tmp.resolve("out/58/notes.txt"), "not a snapshot");
        CliRun taken = run("repo", "snapshot", "--iso", iso.toString(), "--out", "out");
        assertThat(taken.exitCode).as(taken.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(taken.err).contains("xsbuild: The snapshot's name 58, from the build number '58' the images give, is taken: "
                + tmp.resolve("out/58") + " exists and is not a snapshot xsbuild published: name the snapshot with --snapshot NAME");
        Files.delete(tmp.resolve("out/58/notes.txt"));
        Files.delete(tmp.resolve("out/58"));

        CliRun first = run("repo", "snapshot", "--iso", iso.toString(), "--out", "out", "--snapshot", "n1");
        assertThat(first.exitCode).as(first.toString()).isZero();
        Files.createDirectories(tmp.resolve("out/mine"));
        Files.writeString(tmp.resolve("out/mine/snapshot.json"), "{}");
        CliRun kept = run("repo", "snapshot", "--iso", iso.toString(), "--out", "out", "--snapshot", "n2", "--keep", "1");
        assertThat(kept.exitCode).as(kept.toString()).isZero();
        assertThat(kept.err).contains("warning: left " + tmp.resolve("out/mine") + " in place: its snapshot.json is not one "
                + "xsbuild wrote for it, so --keep neither counts nor removes it");
    }

    @Test
    void anOutThatIsAFileIsOneLineSayingSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "not a directory");
        CliRun r = run("repo", "create", "--iso", iso.toString(), "--out", "file");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err.lines().toList()).containsExactly("xsbuild: --out " + file
                + " is a file, not a directory: give a directory for the snapshots (it is made if missing)");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aMirrorThatAcceptsAndNeverAnswersEndsInOneLineNamingTheUrl() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.stall("/nightly/binpkg.iso.sha256").stall("/nightly/binpkg.iso");
            String url = server.uri("/nightly/binpkg.iso").toString();
            CliRun r = run("repo", "create", "--iso", url, "--out", "out", "--read-timeout", "1", "--retries", "1");
            failsWithOneLine(r, "cannot fetch ISO " + url + ": no answer within 1 s (--read-timeout); gave up after 2 "
                    + "attempts (--retries)");
            assertThat(server.requestsFor("/nightly/binpkg.iso.sha256")).isEqualTo(2);
        }
    }

    @Test
    void timeoutsAndRetriesAreOptionsOfIsoSources() {
        assertThat(parse("--iso", "u", "--out", "o").images.network())
                .isEqualTo(io.xsbuild.fetch.FetchOptions.Network.DEFAULT);
        assertThat(parse("--iso", "u", "--out", "o", "--connect-timeout", "5", "--read-timeout", "7", "--retries", "0")
                .images.network()).isEqualTo(new io.xsbuild.fetch.FetchOptions.Network(java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(7), 0, io.xsbuild.fetch.FetchOptions.Network.DEFAULT.backoff()));
        assertThat(run("repo", "create", "--iso", "binpkg.iso", "--out", "o", "--read-timeout", "0").exitCode)
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("repo", "create", "--iso", "binpkg.iso", "--out", "o", "--retries", "-1").err)
                .contains("--retries takes a count, 0 or more");
        assertThat(run("repo", "create", "--retries", "2", "dir").err).contains("--retries only goes with --iso");
        assertThat(run("repo", "create", "--help").out).contains("--connect-timeout=SECONDS", "--read-timeout=SECONDS",
                "--retries=N");
    }

    @Test
    void everyFlagMapsOntoTheRequest() {
        RepoCreateCommand cmd = parse("--iso", "a.iso", "--iso", "g:a:1#sha256=" + "c".repeat(64), "--maven-repo", "http://m/r/",
                "--out", "out", "--snapshot", "n1", "--keep", "3", "--include", "x*", "--exclude", "*.src.rpm",
                "--whitelist", "w.txt", "--update", "--baseurl", "http://b/", "--changelog-limit", "2", "--checksum", "sha1",
                "--compress", "xz", "--workers", "3", "--skip-bad", "--wait");
        SnapshotRequest snapshot = SnapshotRequest.builder(tmp.resolve("out")).snapshot("n1").keep(3).include("x*")
                .exclude("*.src.rpm").whitelist(tmp.resolve("w.txt"))
                .options(RepoOptions.builder().update(true).baseUrl("http://b/").changelogLimit(2)
                        .checksumType(ChecksumType.SHA1).compression(Compression.XZ).workers(3).skipBad(true)
                        .waitForLock(true).build())
                .build();
        assertThat(cmd.isoRequest()).isEqualTo(new IsoRepoRequest(List.of("a.iso", "g:a:1#sha256=" + "c".repeat(64)), null,
                List.of(URI.create("http://m/r/")), snapshot));
        assertThat(parse("--iso", "a.iso", "--sha256", "d".repeat(64), "--out", "o").isoRequest().sha256()).isEqualTo("d".repeat(64));
    }

    private RepoSnapshotCommand parseSnapshot(String... args) {
        CliContext context = new CliContext(FakeRuntime::new, Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false, tmp);
        return CommandLine.populateCommand(new RepoSnapshotCommand(context), args);
    }

    @Test
    void repoSnapshotMakesTheRequestRepoCreateIsoMakesOfTheSameFlags() {
        String[] flags = {"--iso", "a.iso", "--iso", "g:a:1#sha256=" + "c".repeat(64), "--maven-repo", "http://m/r/",
            "--out", "out", "--snapshot", "n1", "--keep", "3", "--include", "x*", "--exclude", "*.src.rpm",
            "--whitelist", "w.txt", "--update", "--baseurl", "http://b/", "--changelog-limit", "2", "--checksum", "sha1",
            "--compress", "xz", "--workers", "3", "--skip-bad", "--wait"};
        assertThat(parseSnapshot(flags).request()).isEqualTo(parse(flags).isoRequest());
        assertThat(parseSnapshot("--iso", "a.iso", "--out", "o").request()).isEqualTo(parse("--iso", "a.iso", "--out", "o").isoRequest());
    }

    @Test
    void repoSnapshotPublishesAsRepoCreateIsoDoes() throws Exception {
        CliRun r = run("repo", "snapshot", "--workers", "2", "--iso", "binpkg.iso", "--out", "out");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.strip()).matches("Published snapshot " + tmp.resolve("out/58") + " \\(" + tmp.resolve("out/current")
                + " names it\\): 12 packages \\(11 binary, 1 source; 12 copied, 0 linked\\), [0-9.]+ KiB read in [0-9.]+ s");
        CliRun again = run("--json", "repo", "create", "--iso", "binpkg.iso", "--out", "out", "--update");
        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(again.out).contains("\"linked\": 12", "\"reused\": 12");
    }

    @Test
    void repoSnapshotRefusesWhatOnlyADirectoryOfPackagesTakes() {
        assertThat(run("repo", "snapshot", "--out", "o").err).contains("Missing --iso SRC");
        assertThat(run("repo", "snapshot", "--iso", "binpkg.iso").err).contains("Missing --out DIR");
        for (List<String> args : List.of(List.of("dir"), List.of("--groupfile", "comps.xml"), List.of("--retain-old-md", "2"))) {
            List<String> all = new java.util.ArrayList<>(List.of("repo", "snapshot", "--iso", "binpkg.iso", "--out", "o"));
            all.addAll(args);
            CliRun r = run(all.toArray(String[]::new));
            assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        }
        assertThat(run("repo", "create", "--keep", "2", "dir").err).contains("--keep only goes with --iso");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void repoSnapshotHelpShowsItsFlagsAndExamples() {
        CliRun r = run("repo", "snapshot", "--help");
        assertThat(r.exitCode).isZero();
        assertThat(r.out).contains("Usage: xsbuild repo snapshot --iso=SRC [--iso=SRC]... --out=DIR [OPTIONS]",
                "--iso=SRC", "--sha256", "--maven-repo", "--snapshot", "--keep", "--whitelist", "--update", "--wait",
                "xsbuild repo snapshot --iso binpkg.iso --iso source.iso --out /srv/xs")
                .doesNotContain("--groupfile", "--retain-old-md");
        assertThat(r.out.lines().filter(l -> l.startsWith("  xsbuild ")).toList()).allMatch(l -> l.length() <= 80);
        assertThat(run("repo", "--help").out).contains("snapshot  Publish snapshot ISOs as a repository of snapshots.");
    }

    @Test
    void helpShowsTheIsoOptionsAndExamples() {
        CliRun r = run("repo", "create", "--help");
        assertThat(r.out).contains("--iso=SRC", "--sha256", "--maven-repo", "--snapshot", "--keep", "--whitelist",
                "xsbuild repo create --iso binpkg.iso --iso source.iso --out /srv/xs --keep 7");
    }

    @Test
    void optionsThatDoNotGoTogetherAreUsageErrors() {
        assertThat(run("repo", "create", "--iso", "binpkg.iso", "--out", "o", "dir").err).contains("not as DIR");
        assertThat(run("repo", "create", "--iso", "binpkg.iso").err).contains("Missing --out DIR");
        assertThat(run("repo", "create", "--iso", "binpkg.iso", "--out", "o", "--retain-old-md", "2").err).contains("--keep");
        CliRun isoOnly = run("repo", "create", "--snapshot", "n", "--keep", "2", "dir");
        assertThat(isoOnly.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(isoOnly.err).contains("--snapshot, --keep only go with --iso");
        CliRun two = run("repo", "create", "--iso", "binpkg.iso", "--iso", "binpkg.iso", "--sha256", "a".repeat(64), "--out", "o");
        assertThat(two.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err).contains("--sha256 is for a single --iso", "#sha256=HEX");
        CliRun whitelist = run("repo", "create", "--iso", "binpkg.iso", "--whitelist", "nowhere.txt", "--out", "o");
        assertThat(whitelist.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(whitelist.err).contains("whitelist " + tmp.resolve("nowhere.txt") + " does not exist");
        CliRun snapshot = run("repo", "create", "--iso", "binpkg.iso", "--snapshot", "../up", "--out", "o");
        assertThat(snapshot.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aLocalImageIsPublishedAndSaidSoInOneLine() throws Exception {
        CliRun r = run("repo", "create", "--workers", "2", "--iso", "binpkg.iso#sha256=" + ChecksumType.SHA256.hex(bytes), "--out", "out");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.strip()).matches("Published snapshot " + tmp.resolve("out/58") + " \\(" + tmp.resolve("out/current")
                + " names it\\): 12 packages \\(11 binary, 1 source; 12 copied, 0 linked\\), [0-9.]+ KiB read in [0-9.]+ s");
        assertThat(Files.readSymbolicLink(tmp.resolve("out/current"))).isEqualTo(Path.of("58"));
        assertThat(Files.readString(tmp.resolve("out/58/snapshot.json"))).contains("\"sha256\": \"" + ChecksumType.SHA256.hex(bytes) + "\"");

        CliRun json = run("--json", "repo", "create", "--iso", "binpkg.iso", "--out", "out", "--update", "--keep", "1");
        assertThat(json.exitCode).as(json.toString()).isZero();
        assertThat(json.out).contains("\"linked\": 12", "\"reused\": 12", "\"productBrand\": \"XenServer\"", "\"type\": \"primary\"");
    }

    @Test
    void aLocalImageWithAnotherChecksumIsRefused() {
        failsWithOneLine(run("repo", "create", "--iso", "binpkg.iso", "--sha256", "0".repeat(64), "--out", "out"),
                "binpkg.iso", "sha256");
    }

    @Test
    void imagesFromAUrlAreCheckedAgainstTheirChecksumFile() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.put("/nightly/binpkg.iso", bytes)
                    .put("/nightly/binpkg.iso.sha256", (ChecksumType.SHA256.hex(bytes) + "  binpkg.iso\n").getBytes(StandardCharsets.US_ASCII));
            byte[] tampered = Arrays.copyOf(bytes, bytes.length);
            tampered[tampered.length - 1] ^= 1;
            server.put("/tampered/binpkg.iso", tampered)
                    .put("/tampered/binpkg.iso.sha256", (ChecksumType.SHA256.hex(bytes) + "  binpkg.iso\n").getBytes(StandardCharsets.US_ASCII));

            failsWithOneLine(run("repo", "create", "--iso", server.uri("/tampered/binpkg.iso").toString(), "--out", "out"),
                    "/tampered/binpkg.iso", "sha256");
            failsWithOneLine(run("repo", "create", "--iso", server.uri("/missing/binpkg.iso").toString(), "--out", "out"),
                    "/missing/binpkg.iso", "404");

            CliRun good = run("repo", "create", "--iso", server.uri("/nightly/binpkg.iso").toString(), "--out", "out");
            assertThat(good.exitCode).as(good.toString()).isZero();
            assertThat(Files.readString(tmp.resolve("out/current/snapshot.json")))
                    .contains("\"source\": \"" + server.uri("/nightly/binpkg.iso") + "\"", "\"sha256\": \"" + ChecksumType.SHA256.hex(bytes) + "\"");
        }
    }

    @Test
    void imagesByMavenCoordinatesAreResolvedWithTheirChecksums() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.deploy("/maven/com/xenserver/binpkg/8.4.0/binpkg-8.4.0.iso", bytes);
            byte[] tampered = Arrays.copyOf(bytes, bytes.length);
            tampered[0] ^= 1;
            server.deploy("/maven/com/xenserver/binpkg/8.4.1/binpkg-8.4.1.iso", bytes)
                    .put("/maven/com/xenserver/binpkg/8.4.1/binpkg-8.4.1.iso", tampered);
            String repo = server.uri("/maven/").toString();

            failsWithOneLine(run("repo", "create", "--iso", "com.xenserver:binpkg:8.4.1:iso", "--maven-repo", repo,
                    "--out", "out"), "com.xenserver:binpkg:8.4.1:iso", "checksum");
            failsWithOneLine(run("repo", "create", "--iso", "com.xenserver:binpkg:9.9:iso", "--maven-repo", repo,
                    "--out", "out"), "com.xenserver:binpkg:9.9:iso");

            CliRun good = run("repo", "create", "--iso", "com.xenserver:binpkg:8.4.0:iso", "--maven-repo", repo, "--out", "out");
            assertThat(good.exitCode).as(good.toString()).isZero();
            assertThat(tmp.resolve("home/.m2/repository/com/xenserver/binpkg/8.4.0/binpkg-8.4.0.iso")).hasBinaryContent(bytes);
            assertThat(Files.readString(tmp.resolve("out/current/snapshot.json")))
                    .contains("\"source\": \"com.xenserver:binpkg:8.4.0:iso\"", "\"sha256\": \"" + ChecksumType.SHA256.hex(bytes) + "\"");
        }
    }

    @Test
    void corruptAndHostileImagesAreRefusedInOneLine() throws Exception {
        Files.write(tmp.resolve("truncated.iso"), Arrays.copyOf(bytes, 40_000));
        failsWithOneLine(run("repo", "create", "--iso", "truncated.iso", "--out", "out"), "truncated.iso", "truncated");
        Files.write(tmp.resolve("hostile.iso"), climbing(bytes, "fake_bash-1.1.1-1.x86_64.rpm"));
        failsWithOneLine(run("repo", "create", "--iso", "binpkg.iso", "--iso", "hostile.iso", "--out", "out"),
                "hostile.iso", "unsafe entry");
        Files.writeString(tmp.resolve("text.iso"), "not an image at all");
        failsWithOneLine(run("repo", "create", "--iso", "text.iso", "--out", "out"), "text.iso");
    }

    @Test
    void aBadPackageInAnImageIsNamedByImageAndPath() throws Exception {
        Files.writeString(tmp.resolve("tree/Packages/broken-1.0-1.x86_64.rpm"), "x".repeat(300));
        new IsoWriter("XS binpkg", Instant.ofEpochSecond(1_700_000_000)).addTree("", tmp.resolve("tree"))
                .addBytes(".treeinfo", TREEINFO.getBytes(StandardCharsets.UTF_8)).write(tmp.resolve("bad.iso"), Events.NONE);
        failsWithOneLine(run("repo", "create", "--iso", "bad.iso", "--out", "out"),
                "1 bad package in bad.iso, snapshot 58 not published: bad.iso:Packages/broken-1.0-1.x86_64.rpm: not an RPM",
                "--skip-bad");
        CliRun skipping = run("repo", "create", "--iso", "bad.iso", "--out", "out", "--skip-bad");
        assertThat(skipping.exitCode).as(skipping.toString()).isZero();
        assertThat(skipping.err).contains("warning: skipped bad.iso:Packages/broken-1.0-1.x86_64.rpm");
        assertThat(skipping.out).contains("12 packages", "1 bad package left out");
    }

    /** The image with the Rock Ridge name of {@code file} changed to climb: "../" and the rest of the name. */
    static byte[] climbing(byte[] image, String file) {
        byte[] nm = ("NM" + (char) (5 + file.length()) + "\u0001\u0000" + file).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + nm.length <= image.length; i++) {
            if (Arrays.equals(image, i, i + nm.length, nm, 0, nm.length)) {
                byte[] patched = image.clone();
                patched[i + 5] = '.';
                patched[i + 6] = '.';
                patched[i + 7] = '/';
                return patched;
            }
        }
        throw new AssertionError("no Rock Ridge name " + file + " in the image");
    }
}
