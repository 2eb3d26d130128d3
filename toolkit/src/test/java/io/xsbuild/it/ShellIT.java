package io.xsbuild.it;

import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.Labels;
import io.xsbuild.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** xsbuild shell as its own process: CMD's arguments and exit code, the repository and mounts. */
class ShellIT {

    private final String session = "it-shell-" + UUID.randomUUID();

    @TempDir
    Path dir;

    @AfterEach
    void nothingOfTheSessionIsLeft() throws Exception {
        try (ContainerRuntime runtime = Engine.withTestbase()) {
            assertThat(runtime.removeByLabel(Labels.SESSION, session)).isZero();
        }
    }

    private XsbuildProcess.Result shell(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("shell", "--profile", "testbase"));
        all.addAll(List.of(args));
        return XsbuildProcess.run(dir, Map.of(Session.ENV, session), all.toArray(String[]::new));
    }

    @Test
    void theArgumentsArePassedExactlyAsGiven() throws Exception {
        XsbuildProcess.Result r = shell("--", "sh", "-c", "printf '[%s]\\n' \"$@\"", "sh", "a b", "'quoted'", "$HOME", "", "--help");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("[a b]\n['quoted']\n[$HOME]\n[]\n[--help]\n");
    }

    @Test
    void theCommandsExitCodeIsXsbuilds() throws Exception {
        assertThat(shell("--", "sh", "-c", "exit 7").exit()).isEqualTo(7);
        assertThat(shell("--", "no-such-command").exit()).as("as docker exec says").isIn(126, 127);
    }

    @Test
    void theRepositoryIsConfiguredAndTheDirectoriesMounted() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("hello.txt"), "from the host\n");
        XsbuildProcess.Result r = shell("--repo", ExampleRepo.dir().toString(), "-v", data + ":/data:ro", "--user", "root",
                "--", "sh", "-c", "pwd; cat hello.txt; touch /data/x 2>/dev/null || echo read-only; "
                        + "dnf -q --disablerepo='*' --enablerepo=xsbuild repoquery --arch src xsdemo");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("/data", "from the host", "read-only", "xsdemo-0:1.0-1.src");
    }

    @Test
    void theShellRunsAsTheBuilder() throws Exception {
        XsbuildProcess.Result r = shell("--", "id", "-un");
        assertThat(r.out()).isEqualTo("builder\n");
    }
}
