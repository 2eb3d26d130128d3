package io.xsbuild.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test base image, checked through Testcontainers: it carries the RPM toolchain that the
 * integration tests and the testbase profile rely on.
 */
class BaseImageToolsIT {

    @BeforeAll
    static void engineAndImage() {
        Engine.withTestbase().close();
    }

    @Test
    void carriesRpmbuildDnfWithItsPluginsAndCreaterepo() throws Exception {
        try (GenericContainer<?> box = new GenericContainer<>(DockerImageName.parse(Engine.testbaseImage()))
                .withCommand("sleep", "infinity")) {
            box.start();
            ExecResult rpmbuild = box.execInContainer("rpmbuild", "--version");
            assertThat(rpmbuild.getStdout()).startsWith("RPM version 4.");
            ExecResult builddep = box.execInContainer("dnf", "builddep", "--help");
            assertThat(builddep.getExitCode()).as(builddep.getStderr()).isZero();
            ExecResult download = box.execInContainer("dnf", "download", "--help");
            assertThat(download.getExitCode()).as(download.getStderr()).isZero();
            for (String tool : new String[] {"createrepo_c", "gcc", "make", "git", "cpio", "xz", "useradd"}) {
                ExecResult which = box.execInContainer("sh", "-c", "command -v " + tool);
                assertThat(which.getExitCode()).as(tool).isZero();
            }
        }
    }
}
