package io.xsbuild.it;

import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.LabelledContainer;
import io.xsbuild.container.Labels;
import io.xsbuild.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with SIGKILL, which no process can catch, leaves its container behind; the next
 * command that talks to the engine names it, {@code xsbuild doctor} lists it, and
 * {@code xsbuild doctor --clean} removes it. (SIGKILL cannot be ignored either, so this holds
 * whether the suite was started with SIGINT ignored or not.)
 */
class LeftoversIT {

    private final String session = "it-leftover-" + UUID.randomUUID();

    @TempDir
    Path dir;

    @AfterEach
    void removeWhatIsLeft() throws Exception {
        try (ContainerRuntime runtime = Engine.connect()) {
            runtime.removeByLabel(Labels.SESSION, session);
        }
    }

    private List<LabelledContainer> ofTheSession(ContainerRuntime runtime) throws Exception {
        return runtime.listByLabel(Labels.SESSION).stream()
                .filter(c -> session.equals(c.labels().get(Labels.SESSION))).toList();
    }

    @Test
    void aKilledRunsContainerIsNamedByTheNextCommandsAndRemovedByDoctorClean() throws Exception {
        try (ContainerRuntime runtime = Engine.withTestbase()) {
            XsbuildProcess killed = XsbuildProcess.start(dir, Map.of(Session.ENV, session),
                    "shell", "--profile", "testbase", "--", "sleep", "600");
            List<LabelledContainer> started = List.of();
            for (int i = 0; i < 600 && started.stream().noneMatch(c -> c.state().equals("running")); i++) {
                Thread.sleep(200);
                started = ofTheSession(runtime);
            }
            assertThat(started).as("the shell's container runs").hasSize(1);
            String id = started.get(0).id().substring(0, 12);
            assertThat(started.get(0).labels()).containsEntry(Labels.PID, Long.toString(killed.pid()));

            killed.kill();
            assertThat(ofTheSession(runtime)).as("SIGKILL leaves the container").hasSize(1);

            XsbuildProcess.Result doctor = XsbuildProcess.run(dir, Map.of(), "doctor");
            assertThat(doctor.exit()).as(doctor.err()).isZero();
            assertThat(doctor.out()).contains("  " + id + "  session " + session + ", running, process " + killed.pid()
                    + " is gone");

            XsbuildProcess.Result next = XsbuildProcess.run(dir, Map.of(), "shell", "--profile", "testbase", "--", "true");
            assertThat(next.exit()).as(next.err()).isZero();
            assertThat(next.err()).contains(id + " (session " + session + ", process " + killed.pid() + " is gone)",
                    "remove them with xsbuild doctor --clean");

            // The session named, as a CI job names its own, so that only this test's leftover is removed.
            XsbuildProcess.Result clean = XsbuildProcess.run(dir, Map.of(Session.ENV, session), "doctor", "--clean");
            assertThat(clean.exit()).as(clean.err()).isZero();
            assertThat(clean.out()).contains("Removed container " + id + " of session " + session);
            assertThat(ofTheSession(runtime)).isEmpty();
        }
    }
}
