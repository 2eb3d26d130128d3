package io.xsbuild.container;

import io.xsbuild.error.XsbuildException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** DOCKER_HOST values: those the transport connects to pass, anything else is one line naming the schemes that work. */
class EngineAddressTest {

    @Test
    void unixSocketsAndTcpAddressesPass() {
        for (String ok : new String[] {"unix:///var/run/docker.sock", "unix:///run/user/1000/docker.sock",
                "tcp://127.0.0.1:2375", "tcp://build-host:2376", "TCP://[::1]:2375"}) {
            assertThatCode(() -> DockerRuntime.checkHost(ok)).as(ok).doesNotThrowAnyException();
        }
    }

    @Test
    void anythingElseIsAnEnvironmentErrorNamingTheSchemesThatWork() {
        EngineAddressException garbage = catchThrowableOfType(EngineAddressException.class,
                () -> DockerRuntime.checkHost("garbage://x"));
        assertThat(garbage.kind()).isEqualTo(XsbuildException.Kind.ENVIRONMENT);
        assertThat(garbage.userMessage()).isEqualTo("DOCKER_HOST=garbage://x is not an engine address xsbuild can use "
                + "(the scheme garbage:// is not one of unix:// and tcp://): give unix:///PATH (the engine's socket, "
                + "/var/run/docker.sock by default) or tcp://HOST:PORT (DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH for TLS), "
                + "or unset it");
        for (String bad : new String[] {"http://127.0.0.1:2375", "ssh://user@host", "npipe:////./pipe/docker_engine",
                "unix://", "unix://relative.sock", "tcp://", ":::", "/var/run/docker.sock"}) {
            assertThat(catchThrowableOfType(EngineAddressException.class, () -> DockerRuntime.checkHost(bad)))
                    .as(bad).isNotNull();
        }
        assertThat(catchThrowableOfType(EngineAddressException.class, () -> DockerRuntime.checkHost("127.0.0.1:2375"))
                .getMessage()).contains("no scheme: tcp://127.0.0.1:2375 would name that host and port");
    }
}
