package io.xsbuild.container;

import com.github.dockerjava.core.RemoteApiVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiVersionTest {

    @Test
    void speaksTheEnginesOwnVersionWhenNothingIsConfigured() {
        assertThat(DockerRuntime.negotiate(RemoteApiVersion.UNKNOWN_VERSION, "1.41").getVersion()).isEqualTo("1.41");
        assertThat(DockerRuntime.negotiate(null, "1.47").getVersion()).isEqualTo("1.47");
    }

    @Test
    void neverAsksForMoreThanTheEngineSpeaks() {
        assertThat(DockerRuntime.negotiate(RemoteApiVersion.VERSION_1_44, "1.41").getVersion()).isEqualTo("1.41");
    }

    @Test
    void aLowerConfiguredVersionWins() {
        assertThat(DockerRuntime.negotiate(RemoteApiVersion.VERSION_1_40, "1.41").getVersion()).isEqualTo("1.40");
    }
}
