package io.xsbuild.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ./xsbuild launcher and the packaged jar, run as a user runs them. */
class LauncherIT {

    record Result(int exit, String out, String err) {
    }

    static Result xsbuild(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Engine.projectDir().resolve("xsbuild").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Path out = java.nio.file.Files.createTempFile("xsbuild-out", ".txt");
        Path err = java.nio.file.Files.createTempFile("xsbuild-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("xsbuild " + String.join(" ", args) + " finished").isTrue();
        Result r = new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        java.nio.file.Files.delete(out);
        java.nio.file.Files.delete(err);
        return r;
    }

    @Test
    void versionRunsFromTheLauncher() throws Exception {
        Result r = xsbuild(Map.of(), "--version");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("xsbuild 0.");
    }

    @Test
    void doctorAgainstTheRealEngineExits0() throws Exception {
        Engine.connect().close();
        Result r = xsbuild(Map.of(), "doctor");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Docker engine  ok");
    }

    @Test
    void doctorWithNoEngineExits3WithOneLine() throws Exception {
        Result r = xsbuild(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"), "doctor");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines().toList()).containsExactly("xsbuild: Cannot reach a Docker engine at "
                + "unix:///nonexistent/docker.sock: is dockerd running? (DOCKER_HOST selects another)");
    }

    @Test
    void aTcpEngineThatIsNotThereIsTheSameOneLine() throws Exception {
        Result r = xsbuild(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), "doctor");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines().toList()).containsExactly("xsbuild: Cannot reach a Docker engine at "
                + "tcp://127.0.0.1:1: is dockerd running? (DOCKER_HOST selects another)");
    }

    @Test
    void aDockerHostThatIsNoAddressExits3WithOneLineNamingTheSchemesThatWork() throws Exception {
        for (String command : new String[] {"doctor", "shell"}) {
            Result r = xsbuild(Map.of("DOCKER_HOST", "garbage://x", "XSBUILD_PROFILE", "testbase"), command);
            assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(3);
            assertThat(r.err().lines().filter(l -> l.startsWith("xsbuild: ")).toList()).as(command).containsExactly(
                    "xsbuild: DOCKER_HOST=garbage://x is not an engine address xsbuild can use (the scheme garbage:// is "
                            + "not one of unix:// and tcp://): give unix:///PATH (the engine's socket, /var/run/docker.sock "
                            + "by default) or tcp://HOST:PORT (DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH for TLS), or unset it");
        }
    }
}
