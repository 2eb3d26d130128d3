package io.xsbuild.it;

import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.Labels;
import io.xsbuild.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping xsbuild in the middle of rpmbuild leaves no container behind. */
class InterruptIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringRpmbuildLeavesNoContainerOfTheSession(String signal) throws Exception {
        Path repo = ExampleRepo.dir();
        String session = "it-interrupt-" + UUID.randomUUID();
        Path log = dir.resolve("out/logs/xsbtest-sleeps/build.log");
        XsbuildProcess xsbuild = XsbuildProcess.start(dir, Map.of(Session.ENV, session),
                "rebuild", "--profile", "testbase", "--repo", repo.toString(), "--out", "out", "xsbtest-sleeps");
        try (ContainerRuntime runtime = Engine.withTestbase()) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!(Files.exists(log) && Files.readString(log).contains("xsbtest-sleeps: sleeping"))) {
                assertThat(System.nanoTime()).as("rpmbuild started sleeping; so far:\n" + xsbuild.errSoFar()).isLessThan(deadline);
                Thread.sleep(200);
            }
            xsbuild.signal(signal);
            XsbuildProcess.Result result = xsbuild.await(2, TimeUnit.MINUTES);

            assertThat(result.exit()).as(result.err()).isEqualTo("INT".equals(signal) ? 130 : 143);
            assertThat(result.err()).contains("Interrupted: removed 1 container of session " + session);
            assertThat(runtime.removeByLabel(Labels.SESSION, session)).as("containers left by session " + session).isZero();
        }
    }

    @Test
    void aKeptContainerIsLeftForTheUserWhoAskedAndSaysHowToEnterIt() throws Exception {
        Path repo = ExampleRepo.dir();
        String session = "it-keep-" + UUID.randomUUID();
        try (ContainerRuntime runtime = Engine.withTestbase()) {
            try {
                XsbuildProcess.Result r = XsbuildProcess.run(dir, Map.of(Session.ENV, session),
                        "rebuild", "--profile", "testbase", "--repo", repo.toString(), "--keep", "xsbtest-fails");
                assertThat(r.exit()).isEqualTo(1);
                assertThat(r.err()).containsPattern("xsbtest-fails: kept container [0-9a-f]{12}; enter it with: "
                        + "docker exec -it -u builder [0-9a-f]{12} bash -l");
            } finally {
                assertThat(runtime.removeByLabel(Labels.SESSION, session)).as("the kept container").isEqualTo(1);
            }
        }
    }
}
