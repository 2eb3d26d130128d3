package io.xsbuild.container;

import com.github.dockerjava.api.exception.DockerException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What DockerRuntime makes of the engine's error answers. */
class DockerRuntimeTest {

    @Test
    void theEnginesMessageIsKeptWithItsEscapedQuotesUndone() {
        DockerException podman = new DockerException("Status 500: {\"cause\":\"this container does not have a cgroup\","
                + "\"message\":\"CommitFailure: pausing container \\\"1d010351ef48\\\" to commit: can not pause containers "
                + "on rootless containers with cgroup V1\",\"response\":500}\n", 500);
        assertThat(DockerRuntime.engineMessage(podman)).isEqualTo("CommitFailure: pausing container \"1d010351ef48\" to commit: "
                + "can not pause containers on rootless containers with cgroup V1");

        DockerException docker = new DockerException("Status 404: {\"message\":\"No such container: abc\"}\n", 404);
        assertThat(DockerRuntime.engineMessage(docker)).isEqualTo("No such container: abc");
    }

    @Test
    void podmansTwoKnownRefusalsToStartAContainerSayWhatToDo() {
        assertThat(DockerRuntime.startHint("Cannot start a container of x: container create: container-init binary not found "
                + "on the host: stat /usr/libexec/podman/catatonit: no such file or directory"))
                .contains("apt-get install -y catatonit");
        assertThat(DockerRuntime.startHint("Cannot start a container of x: runc: runc create failed: unable to start container "
                + "process: error during container init: error setting rlimits for ready process: error setting rlimit type 7: "
                + "operation not permitted: OCI permission denied"))
                .contains("default_ulimits");
        assertThat(DockerRuntime.startHint("Cannot start a container of x: no space left on device")).isNull();
    }
}
