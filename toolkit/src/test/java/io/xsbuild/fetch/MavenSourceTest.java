package io.xsbuild.fetch;

import io.xsbuild.cli.Flags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ISOs by Maven coordinates, from a repository layout served on the loopback interface. */
class MavenSourceTest {

    static final String DIR = "/maven/com/xenserver/binpkg/8.4.0/";
    static final String ARTIFACT = DIR + "binpkg-8.4.0.iso";

    @TempDir
    Path dir;

    LoopbackServer server;
    FetchEvents events;
    byte[] content;

    @BeforeEach
    void start() throws Exception {
        content = new byte[1 << 20];
        new Random(5).nextBytes(content);
        server = new LoopbackServer();
        events = new FetchEvents();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void deploy(String path, byte[] bytes) {
        server.deploy(path, bytes);
    }

    private IsoSources sources(List<URI> repositories) {
        FetchOptions options = FetchOptions.defaults(Map.of(), dir.resolve("home"), dir)
                .withCacheDir(dir.resolve("cache"))
                .withMavenRepositories(repositories)
                .withMavenLocalRepository(dir.resolve("m2"));
        return new IsoSources(options, Map.of(), events);
    }

    private Path installed() {
        return dir.resolve("m2/com/xenserver/binpkg/8.4.0/binpkg-8.4.0.iso");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aRepositoryThatNeverAnswersIsGivenUpOnNamingTheArtifact() {
        server.stall(ARTIFACT);
        FetchOptions options = FetchOptions.defaults(Map.of(), dir.resolve("home"), dir)
                .withCacheDir(dir.resolve("cache"))
                .withMavenRepositories(List.of(server.uri("/maven/")))
                .withMavenLocalRepository(dir.resolve("m2"))
                .withNetwork(new FetchOptions.Network(Duration.ofSeconds(5), Duration.ofMillis(300), 0, Duration.ZERO));

        DownloadException e = catchThrowableOfType(DownloadException.class,
                () -> new IsoSources(options, Map.of(), events).resolve("com.xenserver:binpkg:8.4.0", null));

        assertThat(e.getMessage()).isEqualTo("cannot fetch ISO com.xenserver:binpkg:8.4.0:iso: no answer from "
                + server.uri("/maven/") + " within 0.3 s (readTimeout)");
        assertThat(Flags.message(e)).endsWith(" within 0.3 s (--read-timeout)");
        assertThat(server.requestsFor(ARTIFACT)).isEqualTo(1);
    }

    @Test
    void resolvesIntoTheLocalRepositoryOnceAndVerifies() throws Exception {
        deploy(ARTIFACT, content);
        IsoSources sources = sources(List.of(server.uri("/maven/")));
        ResolvedIso iso = sources.resolve("com.xenserver:binpkg:8.4.0", null);
        assertThat(iso.origin()).isEqualTo(ResolvedIso.Origin.MAVEN);
        assertThat(iso.file()).isEqualTo(installed()).hasBinaryContent(content);
        assertThat(events.done).contains("Downloading binpkg-8.4.0.iso");

        assertThat(sources.resolve("com.xenserver:binpkg:8.4.0", HttpSourceTest.sha256(content)).sha256())
                .isEqualTo(HttpSourceTest.sha256(content));
        assertThat(server.gets(ARTIFACT)).isEqualTo(1);
    }

    @Test
    void resolvesExtensionAndClassifier() throws Exception {
        deploy(DIR + "binpkg-8.4.0-source.iso", content);
        ResolvedIso iso = sources(List.of(server.uri("/maven/"))).resolve("com.xenserver:binpkg:8.4.0:iso:source", null);
        assertThat(iso.file()).hasFileName("binpkg-8.4.0-source.iso").hasBinaryContent(content);
    }

    @Test
    void refusesAnArtifactWhoseChecksumsDoNotMatchAndInstallsNothing() throws Exception {
        deploy(ARTIFACT, content);
        byte[] tampered = content.clone();
        tampered[100] ^= 1;
        server.put(ARTIFACT, tampered);
        IsoSources sources = sources(List.of(server.uri("/maven/")));
        ChecksumMismatchException e = catchThrowableOfType(ChecksumMismatchException.class,
                () -> sources.resolve("com.xenserver:binpkg:8.4.0", null));
        assertThat(e.getMessage()).startsWith("ISO com.xenserver:binpkg:8.4.0:iso: the checksum check of the download failed")
                .doesNotContain("\n");
        assertThat(installed()).doesNotExist();
        assertThat(installed().resolveSibling("binpkg-8.4.0.iso.part")).doesNotExist();
    }

    @Test
    void refusesAnArtifactWithoutChecksums() throws Exception {
        server.put(ARTIFACT, content);
        IsoSources sources = sources(List.of(server.uri("/maven/")));
        assertThat(catchThrowableOfType(ChecksumMismatchException.class, () -> sources.resolve("com.xenserver:binpkg:8.4.0", null)))
                .isNotNull();
        assertThat(installed()).doesNotExist();
    }

    @Test
    void saysWhichRepositoriesLackTheArtifactAndDoesNotRememberTheMiss() throws Exception {
        URI repo = server.uri("/maven/");
        IsoSources sources = sources(List.of(repo));
        ArtifactNotFoundException e = catchThrowableOfType(ArtifactNotFoundException.class,
                () -> sources.resolve("com.xenserver:binpkg:8.4.0", null));
        assertThat(e.getMessage()).isEqualTo("Maven artifact com.xenserver:binpkg:8.4.0:iso was not found in " + repo);

        deploy(ARTIFACT, content);
        assertThat(sources.resolve("com.xenserver:binpkg:8.4.0", null).file()).hasBinaryContent(content);
    }

    @Test
    void goesThroughTheMirrorsAndLocalRepositoryOfSettingsXml() throws Exception {
        deploy(ARTIFACT, content);
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings>
                  <localRepository>${user.home}/repository-from-settings</localRepository>
                  <mirrors>
                    <mirror><id>corp</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                  <servers><server><id>corp</id><username>u</username><password>p</password></server></servers>
                </settings>
                """.formatted(server.uri("/maven/")));
        FetchOptions options = FetchOptions.defaults(Map.of(), home, dir)
                .withMavenRepositories(List.of(URI.create("http://127.0.0.1:1/unreachable/")));
        ResolvedIso iso = new IsoSources(options, Map.of(), events).resolve("com.xenserver:binpkg:8.4.0", null);
        assertThat(iso.file()).isEqualTo(home.resolve("repository-from-settings/com/xenserver/binpkg/8.4.0/binpkg-8.4.0.iso"));
        assertThat(server.gets(ARTIFACT)).isEqualTo(1);
    }

    @Test
    void readsSettingsAsMavenWritesThem() throws Exception {
        MavenSettings settings = MavenSettings.parse("""
                <?xml version="1.0"?>
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <localRepository>${env.M2}/repo</localRepository>
                  <servers>
                    <server><id>a</id><username>u</username><password>{Zm9v}</password>
                      <configuration><id>not-a-server</id></configuration></server>
                  </servers>
                  <mirrors><mirror><id>m</id><url>https://m.example/</url></mirror><mirror><id>no-url</id></mirror></mirrors>
                  <profiles><profile><id>p</id><repositories><repository><id>r</id><url>x</url></repository></repositories></profile></profiles>
                </settings>
                """.getBytes(StandardCharsets.UTF_8), Path.of("/home/u"), Map.of("M2", "/data/m2"));
        assertThat(settings.localRepository()).isEqualTo(Path.of("/data/m2/repo"));
        assertThat(settings.mirrors()).containsExactly(new MavenSettings.Mirror("m", "https://m.example/", "*"));
        assertThat(settings.servers()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("a");
            assertThat(s.encrypted()).isTrue();
        });
    }

    @Test
    void aBrokenSettingsFileIsAUsageError() throws IOException {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><mirrors>");
        FetchOptions options = FetchOptions.defaults(Map.of(), home, dir);
        assertThat(catchThrowableOfType(io.xsbuild.error.UsageException.class,
                () -> new IsoSources(options, Map.of(), events).resolve("com.xenserver:binpkg:8.4.0", null)).getMessage())
                .startsWith("cannot read the Maven settings " + home.resolve(".m2/settings.xml"));
    }
}
