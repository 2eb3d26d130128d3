package io.xsbuild.fetch;

import io.xsbuild.cli.Flags;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.error.UsageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ISOs from URLs and local paths, against a web server on the loopback interface. */
class HttpSourceTest {

    static final String ISO = "/isos/binpkg.iso";

    @TempDir
    Path dir;

    LoopbackServer server;
    FetchEvents events;
    IsoSources sources;
    byte[] content;

    @BeforeEach
    void start() throws IOException {
        content = new byte[3 << 20];
        new Random(3).nextBytes(content);
        server = new LoopbackServer();
        events = new FetchEvents();
        sources = sources(new FetchOptions.Network(Duration.ofSeconds(30), Duration.ofSeconds(30), 0, Duration.ZERO));
    }

    private IsoSources sources(FetchOptions.Network network) {
        FetchOptions options = FetchOptions.defaults(Map.of(), dir.resolve("home"), dir).withCacheDir(dir.resolve("cache"))
                .withNetwork(network);
        return new IsoSources(options, Map.of(), events);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String sha256(byte[] bytes) {
        return io.xsbuild.io.ChecksumType.SHA256.hex(bytes);
    }

    private String url() {
        return server.uri(ISO).toString();
    }

    private void publishWithChecksum() {
        server.put(ISO, content).put(ISO + ".sha256", (sha256(content) + "  binpkg.iso\n").getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".lock")).toList();
        }
    }

    @Test
    void downloadsVerifiesAgainstTheChecksumBesideItAndReusesTheCache() throws Exception {
        publishWithChecksum();
        ResolvedIso first = sources.resolve(url(), null);
        assertThat(first.origin()).isEqualTo(ResolvedIso.Origin.DOWNLOADED);
        assertThat(first.file()).startsWith(dir.resolve("cache")).hasFileName("binpkg.iso").hasBinaryContent(content);
        assertThat(first.sha256()).isEqualTo(sha256(content));
        assertThat(events.progress).isNotEmpty().last().satisfies(p -> {
            assertThat(p.done()).isEqualTo(content.length);
            assertThat(p.total()).isEqualTo(content.length);
        });
        assertThat(events.done).contains("Downloading binpkg.iso");

        ResolvedIso second = sources.resolve(url(), null);
        assertThat(second.origin()).isEqualTo(ResolvedIso.Origin.CACHED);
        assertThat(second.file()).isEqualTo(first.file());
        assertThat(server.gets(ISO)).isEqualTo(1);
        assertThat(events.warnings).isEmpty();
    }

    @Test
    void verifiesAgainstTheGivenChecksum() throws Exception {
        server.put(ISO, content);
        ResolvedIso iso = sources.resolve(url(), sha256(content).toUpperCase());
        assertThat(iso.sha256()).isEqualTo(sha256(content));
        assertThat(sources.resolve(url(), sha256(content)).origin()).isEqualTo(ResolvedIso.Origin.CACHED);
        assertThat(server.gets(ISO)).isEqualTo(1);
        assertThat(server.gets(ISO + ".sha256")).isZero();
    }

    @Test
    void refusesATamperedDownloadAndKeepsNothingOfIt() throws Exception {
        publishWithChecksum();
        byte[] tampered = content.clone();
        tampered[12345] ^= 1;
        server.put(ISO, tampered);
        ChecksumMismatchException e = catchThrowableOfType(ChecksumMismatchException.class, () -> sources.resolve(url(), null));
        assertThat(e.getMessage()).isEqualTo("ISO " + url() + ": sha256 is " + sha256(tampered) + " but " + url() + ".sha256 says "
                + sha256(content));
        assertThat(e.kind()).isEqualTo(io.xsbuild.error.XsbuildException.Kind.FAILED);
        assertThat(cacheFiles()).isEmpty();

        server.put(ISO, content);
        assertThat(sources.resolve(url(), null).origin()).isEqualTo(ResolvedIso.Origin.DOWNLOADED);
    }

    @Test
    void aCachedFileThatNoLongerMatchesIsDownloadedAgain() throws Exception {
        publishWithChecksum();
        sources.resolve(url(), null);
        byte[] nightly = "tomorrow's build".getBytes(StandardCharsets.UTF_8);
        server.put(ISO, nightly).put(ISO + ".sha256", (sha256(nightly) + " *binpkg.iso\n").getBytes(StandardCharsets.UTF_8));
        ResolvedIso again = sources.resolve(url(), null);
        assertThat(again.origin()).isEqualTo(ResolvedIso.Origin.DOWNLOADED);
        assertThat(again.file()).hasBinaryContent(nightly);
    }

    @Test
    void saysWhenAFileIsMissing() {
        DownloadException e = catchThrowableOfType(DownloadException.class, () -> sources.resolve(url(), null));
        assertThat(e.getMessage()).isEqualTo("cannot fetch ISO " + url() + ": the server has no such file (HTTP 404)");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aServerThatAcceptsAndNeverAnswersIsGivenUpOnAfterTheRetriesWithOneLineNamingTheUrl() {
        server.stall(ISO + ".sha256").stall(ISO);
        IsoSources impatient = sources(new FetchOptions.Network(Duration.ofSeconds(5), Duration.ofMillis(300), 2,
                Duration.ofMillis(10)));

        DownloadException e = catchThrowableOfType(DownloadException.class, () -> impatient.resolve(url(), null));

        assertThat(e.settings()).containsExactly(FetchOptions.Field.READ_TIMEOUT, FetchOptions.Field.RETRIES);
        assertThat(Flags.userMessage(e)).isEqualTo("cannot fetch ISO " + url() + ": no answer within 0.3 s (--read-timeout); "
                + "gave up after 3 attempts (--retries): check the URL and the network; an interrupted download resumes "
                + "when run again");
        assertThat(server.requestsFor(ISO + ".sha256")).isEqualTo(3);
        assertThat(events.warnings).containsExactly(
                url() + ": no answer within 0.3 s (--read-timeout); trying again in 0.01 s (attempt 2 of 3)",
                url() + ": no answer within 0.3 s (--read-timeout); trying again in 0.02 s (attempt 3 of 3)");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aTransferThatStallsIsResumedByTheNextAttempt() throws Exception {
        publishWithChecksum();
        server.stallNextTransfer(ISO, 1 << 20);
        IsoSources patient = sources(new FetchOptions.Network(Duration.ofSeconds(5), Duration.ofMillis(300), 1,
                Duration.ofMillis(10)));

        ResolvedIso iso = patient.resolve(url(), null);

        assertThat(iso.file()).hasBinaryContent(content);
        assertThat(iso.sha256()).isEqualTo(sha256(content));
        assertThat(events.warnings).singleElement().asString().startsWith(url() + ": no data for 0.3 s after ")
                .endsWith(" bytes (--read-timeout); trying again in 0.01 s (attempt 2 of 2)");
        assertThat(server.requests()).last().satisfies(r -> assertThat(r.range()).startsWith("bytes="));
    }

    @Test
    void aRefusedConnectionSaysSoAndNamesTheUrlGiven() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String refused = "http://127.0.0.1:" + port + ISO;
        IsoSources retrying = sources(new FetchOptions.Network(Duration.ofSeconds(5), Duration.ofSeconds(5), 3,
                Duration.ofSeconds(60)));

        DownloadException e = catchThrowableOfType(DownloadException.class, () -> retrying.resolve(refused, null));

        assertThat(e.getMessage()).isEqualTo("cannot fetch ISO " + refused + ": connection refused");
        assertThat(events.warnings).isEmpty();
    }

    @Test
    void resumesACutTransferFromItsPartFile() throws Exception {
        publishWithChecksum();
        server.cutNextTransfer(ISO, 1 << 20);
        DownloadException cut = catchThrowableOfType(DownloadException.class, () -> sources.resolve(url(), null));
        assertThat(cut.getMessage()).contains("cannot fetch ISO " + url());
        Path part = dir.resolve("cache").resolve(cacheFiles().get(0).getParent().getFileName()).resolve("binpkg.iso.part");
        assertThat(part).exists();
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThan(content.length);

        ResolvedIso resumed = sources.resolve(url(), null);
        assertThat(resumed.file()).hasBinaryContent(content);
        assertThat(resumed.sha256()).isEqualTo(sha256(content));
        assertThat(server.requests()).last().isEqualTo(new LoopbackServer.Request("GET", ISO, "bytes=" + kept + "-"));
        assertThat(part).doesNotExist();
    }

    @Test
    void startsAgainWhenThePartBelongsToAnOlderFile() throws Exception {
        publishWithChecksum();
        server.cutNextTransfer(ISO, 1 << 20);
        catchThrowableOfType(DownloadException.class, () -> sources.resolve(url(), null));
        byte[] newer = content.clone();
        newer[0] ^= 1;
        server.put(ISO, newer).put(ISO + ".sha256", (sha256(newer) + "  binpkg.iso\n").getBytes(StandardCharsets.UTF_8));
        ResolvedIso iso = sources.resolve(url(), null);
        assertThat(iso.file()).hasBinaryContent(newer);
    }

    @Test
    void withoutAnyChecksumWarnsAndReusesTheCacheWhileTheServerSaysItIsUnchanged() throws Exception {
        server.put(ISO, content);
        ResolvedIso first = sources.resolve(url(), null);
        assertThat(first.origin()).isEqualTo(ResolvedIso.Origin.DOWNLOADED);
        assertThat(events.warnings).singleElement().asString().contains("no checksum for " + url());
        assertThat(sources.resolve(url(), null).origin()).isEqualTo(ResolvedIso.Origin.CACHED);
        assertThat(server.requests()).last().satisfies(r -> assertThat(r.method()).isEqualTo("HEAD"));

        byte[] changed = "changed".getBytes(StandardCharsets.UTF_8);
        server.put(ISO, changed);
        assertThat(sources.resolve(url(), null).file()).hasBinaryContent(changed);
        assertThat(server.gets(ISO)).isEqualTo(2);
    }

    @Test
    void checksLocalFilesOnlyWhenAskedAndSaysWhenTheyAreMissing() throws Exception {
        Path local = Files.write(dir.resolve("local.iso"), content);
        assertThat(sources.resolve("local.iso", null)).isEqualTo(new ResolvedIso("local.iso", local, null, ResolvedIso.Origin.LOCAL));
        assertThat(sources.resolve("local.iso", sha256(content)).sha256()).isEqualTo(sha256(content));
        assertThat(Flags.message(catchThrowableOfType(ChecksumMismatchException.class,
                () -> sources.resolve("local.iso", "0".repeat(64))))).contains("but --sha256 says " + "0".repeat(64));
        assertThat(local).exists();
        assertThat(catchThrowableOfType(UsageException.class, () -> sources.resolve("gone.iso", null)).getMessage())
                .isEqualTo("ISO " + dir.resolve("gone.iso") + " does not exist");
        assertThat(Flags.message(catchThrowableOfType(UsageException.class, () -> sources.resolve("local.iso", "abc"))))
                .isEqualTo("--sha256 abc is not a SHA-256");
    }

    @Test
    void readsChecksumFilesInTheFormatsToolsWrite() {
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        assertThat(Sha256Text.fromChecksumFile(a + "  other.iso\n" + b + " *binpkg.iso\n", "binpkg.iso")).contains(b);
        assertThat(Sha256Text.fromChecksumFile("SHA256 (binpkg.iso) = " + b.toUpperCase() + "\n", "binpkg.iso")).contains(b);
        assertThat(Sha256Text.fromChecksumFile(a + "\n", "binpkg.iso")).contains(a);
        assertThat(Sha256Text.fromChecksumFile(a + "  x.iso\n" + b + "  y.iso\n", "binpkg.iso")).isEmpty();
        assertThat(Sha256Text.fromChecksumFile("<html>not found</html>", "binpkg.iso")).isEmpty();
    }

    @Test
    void theCacheLivesUnderXdgCacheHome() {
        Path home = Path.of("/home/u");
        assertThat(FetchOptions.defaults(Map.of(), home, home).cacheDir()).isEqualTo(Path.of("/home/u/.cache/xsbuild/isos"));
        assertThat(FetchOptions.defaults(Map.of("XDG_CACHE_HOME", "/var/cache/u"), home, home).cacheDir())
                .isEqualTo(Path.of("/var/cache/u/xsbuild/isos"));
        assertThat(FetchOptions.defaults(Map.of("XDG_CACHE_HOME", "relative"), home, home).cacheDir())
                .isEqualTo(Path.of("/home/u/.cache/xsbuild/isos"));
    }
}
