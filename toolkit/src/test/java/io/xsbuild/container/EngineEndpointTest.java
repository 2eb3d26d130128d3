package io.xsbuild.container;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EngineEndpointTest {

    private static final Path DOCKER = Path.of(EngineEndpoint.DOCKER_SOCKET);
    private static final Path PODMAN = Path.of(EngineEndpoint.PODMAN_SOCKET);

    @TempDir
    Path dir;

    @Test
    void dockerHostWinsOverEverySocket() {
        EngineEndpoint e = EngineEndpoint.choose(Map.of("DOCKER_HOST", "tcp://build-host:2375"), "tcp://build-host:2375",
                p -> true);
        assertThat(e).isEqualTo(EngineEndpoint.of("tcp://build-host:2375", "DOCKER_HOST"));
    }

    @Test
    void theDockerClientsOwnConfigurationComesNext() {
        EngineEndpoint e = EngineEndpoint.choose(Map.of(), "unix:///home/me/.docker/run/docker.sock", p -> true);
        assertThat(e.uri()).isEqualTo("unix:///home/me/.docker/run/docker.sock");
        assertThat(e.reason()).isEqualTo("the Docker client configuration (a Docker context or ~/.docker-java.properties)");
    }

    @Test
    void theDefaultDockerSocketIsUsedWhenItIsThere() {
        EngineEndpoint e = EngineEndpoint.choose(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), EngineEndpoint.DEFAULT_URI,
                p -> true);
        assertThat(e).isEqualTo(EngineEndpoint.of("unix:///var/run/docker.sock", "the default Docker socket"));
    }

    @Test
    void withoutTheDockerSocketTheRootfulPodmanSocketIsTriedFirst() {
        EngineEndpoint e = EngineEndpoint.choose(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), EngineEndpoint.DEFAULT_URI,
                Set.of(PODMAN, Path.of("/run/user/1000/podman/podman.sock"))::contains);
        assertThat(e.uri()).isEqualTo("unix:///run/podman/podman.sock");
        assertThat(e.reason()).isEqualTo("the rootful Podman socket (DOCKER_HOST is unset and there is no usable /var/run/docker.sock)");
    }

    @Test
    void thenTheRootlessOneUnderXdgRuntimeDir() {
        EngineEndpoint e = EngineEndpoint.choose(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), EngineEndpoint.DEFAULT_URI,
                Set.of(Path.of("/run/user/1000/podman/podman.sock"))::contains);
        assertThat(e.uri()).isEqualTo("unix:///run/user/1000/podman/podman.sock");
        assertThat(e.reason()).startsWith("the rootless Podman socket");
    }

    @Test
    void withNoSocketAtAllTheHintNamesEveryPathTried() {
        EngineEndpoint e = EngineEndpoint.choose(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), EngineEndpoint.DEFAULT_URI,
                p -> false);
        assertThat(e.uri()).isEqualTo(EngineEndpoint.DEFAULT_URI);
        assertThat(e.tried()).containsExactly("/var/run/docker.sock", "/run/podman/podman.sock",
                "/run/user/1000/podman/podman.sock");
        assertThat(new EngineUnavailableException(e.uri(), e.hint(), null).userMessage()).isEqualTo(
                "Cannot reach a Docker engine at unix:///var/run/docker.sock: is dockerd or podman system service running? "
                        + "No usable socket at /var/run/docker.sock, /run/podman/podman.sock, /run/user/1000/podman/podman.sock "
                        + "(DOCKER_HOST selects another)");
    }

    @Test
    void anEndpointNamedOutrightKeepsTheUsualHint() {
        assertThat(EngineEndpoint.of("unix:///x.sock", "DOCKER_HOST").hint())
                .isEqualTo("is dockerd running? (DOCKER_HOST selects another)");
    }

    @Test
    void aSocketIsUsableWhenItExistsAndMayBeWritten() throws Exception {
        Path socket = dir.resolve("engine.sock");
        assertThat(EngineEndpoint.usable(socket)).isFalse();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertThat(EngineEndpoint.usable(socket)).isTrue();
        }
        assertThat(EngineEndpoint.usable(Files.createDirectories(dir.resolve("podman.sock")))).as("a directory").isFalse();
    }

    @Test
    void theProductIsPodmanWhenItsEngineIsAComponent() {
        assertThat(EngineInfo.productOf(List.of("Podman Engine", "Conmon", "OCI Runtime (runc)"))).isEqualTo("Podman");
        assertThat(EngineInfo.productOf(List.of("Engine", "containerd", "runc", "docker-init"))).isEqualTo("Docker");
        assertThat(EngineInfo.productOf(List.of())).isEqualTo("Docker");
    }

    @Test
    void anEngineIsOnThisMachineOnlyThroughASocketThatIsHere() throws Exception {
        Path here = Files.createFile(dir.resolve("docker.sock"));
        assertThat(EngineEndpoint.remote("unix://" + here, null, Files::exists)).isFalse();
        assertThat(EngineEndpoint.remote("unix://" + dir.resolve("elsewhere.sock"), null, Files::exists)).isTrue();
        assertThat(EngineEndpoint.remote("tcp://127.0.0.1:2375", null, Files::exists)).isTrue();
        assertThat(EngineEndpoint.remote("tcp://builder2:2376", "", Files::exists)).isTrue();
        assertThat(EngineEndpoint.remote("https://builder2:2376", null, Files::exists)).isTrue();
    }

    @Test
    void theLocationVariableSaysItOutrightAndAnythingElseIsRefused() throws Exception {
        assertThat(EngineEndpoint.remote(EngineEndpoint.DEFAULT_URI, "remote", p -> true)).isTrue();
        assertThat(EngineEndpoint.remote("tcp://127.0.0.1:2375", "local", p -> false)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineEndpoint.remote("tcp://h:1", "elsewhere", p -> true))
                .isInstanceOfSatisfying(ContainerException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(EngineEndpoint.LOCATION_ENV + " is \"elsewhere\"");
                    assertThat(e.hint()).startsWith("set it to local");
                });
    }
}
