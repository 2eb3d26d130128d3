package io.xsbuild.repository;

import com.sun.net.httpserver.HttpServer;
import io.xsbuild.cli.Flags;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RepoResolverTest {

    private static final byte[] REPOMD = "<repomd/>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private HttpServer server;
    private String url;
    private final RepoResolver resolver = new RepoResolver(new RepoProbe(Duration.ofSeconds(2), Duration.ofSeconds(2)), Events.NONE);

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/xs/repodata/repomd.xml", exchange -> {
            exchange.sendResponseHeaders(200, REPOMD.length);
            exchange.getResponseBody().write(REPOMD);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RepoSelection resolve(RepoRequest request) throws Exception {
        return resolver.resolve(request, "xs8", List.of("base", "updates", "epel"));
    }

    private static RepoRequest repos(String... specs) {
        return new RepoRequest(null, java.util.Arrays.stream(specs).map(RepoSpec::parse).toList(), List.of(), List.of());
    }

    private Path repository(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("repodata"));
        Files.write(dir.resolve("repomd.xml"), REPOMD);
        return dir.getParent();
    }

    @Test
    void aUrlIsReadOverHttpAndIdentifiedByItsRepomd() throws Exception {
        RepoSelection s = resolve(repos(url + "/xs/"));
        assertThat(s.repositories()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("xsbuild");
            assertThat(r.local()).isFalse();
            assertThat(r.repomdSha256()).isEqualTo(ChecksumType.SHA256.hex(REPOMD));
        });
    }

    @Test
    void severalRepositoriesAreNumberedInTheOrderGivenOrNamed() throws Exception {
        Path a = repository("a");
        RepoSelection s = resolve(repos(a.toString(), "remote=" + url + "/xs", "file://" + repository("b")));
        assertThat(s.repositories()).extracting(Repository::id).containsExactly("xsbuild-1", "remote", "xsbuild-2");
        assertThat(s.repositories().get(2).dir()).isEqualTo(tmp.resolve("b"));
    }

    @Test
    void aWrongUrlFailsAtOnceNamingItAndWhatTheServerSaid() {
        RepositoryException e = catchThrowableOfType(RepositoryException.class, () -> resolve(repos(url + "/nosuch/")));
        assertThat(e.getMessage()).isEqualTo("Cannot read the repository xsbuild at " + url + "/nosuch/: HTTP 404 for "
                + url + "/nosuch/repodata/repomd.xml");
        assertThat(e.hint()).contains("check the URL").endsWith("or leave that repos out");
        assertThat(Flags.userMessage(e)).endsWith("or leave that --repo out");
    }

    @Test
    void aUrlNobodyListensOnFailsSayingTheConnectionWasRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int closed = port;
        RepositoryException e = catchThrowableOfType(RepositoryException.class,
                () -> resolve(repos("xs=http://127.0.0.1:" + closed + "/xs/")));
        assertThat(e.getMessage()).isEqualTo("Cannot read the repository xs at http://127.0.0.1:" + closed + "/xs/: connection refused");
    }

    @Test
    void aDirectoryWithoutRepodataIsRefusedByName() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        RepositoryException e = catchThrowableOfType(RepositoryException.class, () -> resolve(repos(empty.toString())));
        assertThat(Flags.message(e)).isEqualTo("No repodata/repomd.xml in " + empty + " (--repo " + empty + ")");
        assertThat(catchThrowableOfType(RepositoryException.class, () -> resolve(repos(tmp.resolve("none").toString())))
                .getMessage()).startsWith("No repository at " + tmp.resolve("none"));
    }

    @Test
    void theLocalRepoIsPublishedAndFirst() throws Exception {
        Path rpms = Files.createDirectories(tmp.resolve("rpms"));
        RepoSelection s = resolve(new RepoRequest(rpms, List.of(RepoSpec.parse(url + "/xs/")), List.of(), List.of()));
        assertThat(s.repositories()).extracting(Repository::id).containsExactly(RepoResolver.LOCAL_ID, "xsbuild");
        assertThat(rpms.resolve("repodata/repomd.xml")).isRegularFile();
    }

    @Test
    void namesMustBeTheirOwn() throws Exception {
        Path a = repository("a");
        assertThat(catchThrowableOfType(RepositoryException.class, () -> resolve(repos("x=" + a, "x=" + url + "/xs/"))))
                .hasMessage("Two repositories are named x");
        assertThat(Flags.message(catchThrowableOfType(RepositoryException.class, () -> resolve(repos("epel=" + a)))))
                .isEqualTo("--repo epel=" + a + " is named epel, as a repository of the xs8 profile is");
    }

    @Test
    void aSwitchMustNameARepositoryUnlessItIsAGlob() throws Exception {
        Path a = repository("a");
        RepoSelection s = resolver.resolve(new RepoRequest(null, List.of(RepoSpec.parse(a.toString())), List.of("epel"),
                List.of("*")), "xs8", List.of("base", "epel"));
        assertThat(s.enabled("epel", false)).isTrue();
        assertThat(s.enabled("base", true)).isFalse();
        assertThat(Flags.message(catchThrowableOfType(RepositoryException.class, () -> resolver.resolve(new RepoRequest(null,
                List.of(), List.of(), List.of("epel-testing")), "xs8", List.of("base", "epel")))))
                .isEqualTo("--disablerepo epel-testing names no repository of the xs8 profile or of --repo");
    }
}
