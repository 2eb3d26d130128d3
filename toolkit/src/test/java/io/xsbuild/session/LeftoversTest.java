package io.xsbuild.session;

import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.Labels;
import io.xsbuild.event.Events;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Containers whose xsbuild process is gone: a process killed with SIGKILL leaves its containers,
 * whose labels say who started them; a later run names them, and only them.
 */
class LeftoversTest {

    private final FakeRuntime fake = new FakeRuntime();

    /** A process that is gone: started, killed with SIGKILL (which nothing can catch or ignore), reaped. */
    private static SessionOwner killedOwner() throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        SessionOwner owner = new SessionOwner(SessionOwner.hostName(), child.pid(),
                child.info().startInstant().orElse(null));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        return owner;
    }

    private void container(String id, String session, Map<String, String> labels) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put(Labels.SESSION, session);
        fake.containers.put(id, ContainerSpec.builder("img").labels(all).build());
    }

    @Test
    void namesTheContainersOfSessionsWhoseProcessIsGoneAndOnlyThose() throws Exception {
        SessionOwner killed = killedOwner();
        SessionOwner self = SessionOwner.current();
        container("a".repeat(64), "killed", killed.labels());
        container("b".repeat(64), "alive", self.labels());
        container("c".repeat(64), "reused", new SessionOwner(self.host(), self.pid(), Instant.ofEpochMilli(86_400_000L)).labels());
        container("d".repeat(64), "elsewhere", new SessionOwner("another-host", killed.pid(), killed.started()).labels());
        Map<String, String> kept = new LinkedHashMap<>(killed.labels());
        kept.put(Labels.KEEP, "true");
        container("e".repeat(64), "kept", kept);
        container("f".repeat(64), "unlabelled", Map.of());

        List<Leftovers.Leftover> found = Leftovers.find(fake);

        assertThat(found).containsExactly(
                new Leftovers.Leftover("a".repeat(64), "killed", "running", "process " + killed.pid() + " is gone"),
                new Leftovers.Leftover("c".repeat(64), "reused", "running",
                        "process " + self.pid() + " is gone (another process has its pid now)"));
        assertThat(Leftovers.describe(found.subList(0, 1))).isEqualTo("1 container of xsbuild sessions whose process is "
                + "gone: aaaaaaaaaaaa (session killed, process " + killed.pid() + " is gone); remove them with xsbuild doctor --clean");
    }

    @Test
    void theNextSessionWarnsOfThemAndItsOwnContainersRecordTheirOwner() throws Exception {
        SessionOwner killed = killedOwner();
        container("a".repeat(64), "killed", killed.labels());
        fake.images.put("img", new io.xsbuild.container.ImageInfo("sha256:img", List.of("img"), Map.of(), 1));
        List<String> warnings = new java.util.ArrayList<>();
        Events events = (level, message) -> {
            if (level == Events.Level.WARN) {
                warnings.add(message);
            }
        };

        try (Session session = Session.open(fake, "next", events)) {
            session.start(ContainerSpec.builder("img"));
            ContainerSpec mine = fake.started.get(0);
            assertThat(mine.labels()).containsEntry(Labels.SESSION, "next").containsEntry(Labels.HOST, SessionOwner.hostName())
                    .containsEntry(Labels.PID, Long.toString(ProcessHandle.current().pid())).containsKey(Labels.STARTED);
            assertThat(SessionOwner.of(mine.labels()).orElseThrow().gone(SessionOwner.hostName())).isNull();
        }

        assertThat(warnings).containsExactly("1 container of xsbuild sessions whose process is gone: aaaaaaaaaaaa "
                + "(session killed, process " + killed.pid() + " is gone); remove them with xsbuild doctor --clean");
    }
}
