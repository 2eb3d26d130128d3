package io.xsbuild.cli;

import io.xsbuild.build.FakeBuilds;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.Mount;
import io.xsbuild.container.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShellCommandTest {

    private final FakeRuntime fake = new FakeRuntime();

    @TempDir
    Path dir;

    ShellCommandTest() {
        new FakeBuilds(fake);
    }

    private CliRun run(String... args) {
        return CliRun.run(() -> fake, Map.of("XSBUILD_PROFILE", "testbase"), dir, args);
    }

    @Test
    void theCommandsArgumentsArePassedExactlyAndItsExitCodeIsXsbuilds() {
        fake.answers = step -> FakeRuntime.Answer.fail(7);
        CliRun r = run("shell", "--", "sh", "-c", "echo \"$1\"", "sh", "a b 'c' $HOME", "--help");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(7);
        assertThat(fake.attached).singleElement().extracting(Step::argv)
                .isEqualTo(List.of("sh", "-c", "echo \"$1\"", "sh", "a b 'c' $HOME", "--help"));
        assertThat(fake.attached.get(0).user()).isEqualTo("builder");
        assertThat(fake.containers).isEmpty();
    }

    @Test
    void withoutACommandALoginShell() {
        CliRun r = run("shell");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(fake.attached).singleElement().satisfies(step -> {
            assertThat(step.argv()).containsExactly("bash", "-l");
            assertThat(step.workingDir()).isEqualTo("/home/builder");
        });
    }

    @Test
    void theRepositoryAndTheDirectoriesAreMountedAndTheFirstIsTheWorkingDirectory() throws Exception {
        FakeBuilds.repository(dir.resolve("repo"), "<repomd/>");
        Files.createDirectories(dir.resolve("src"));
        Files.createDirectories(dir.resolve("data"));
        CliRun r = run("shell", "--repo", "repo", "-v", "src", "-v", "data:/data:ro", "--user", "root", "--", "make");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(fake.started.get(0).mounts()).containsExactly(
                new Mount(dir.resolve("repo"), "/srv/xsbuild/repos/xsbuild", true),
                new Mount(dir.resolve("src"), dir.resolve("src").toString(), false),
                new Mount(dir.resolve("data"), "/data", true));
        assertThat(fake.attached.get(0).workingDir()).isEqualTo(dir.resolve("src").toString());
        assertThat(fake.attached.get(0).user()).isEqualTo("root");
    }

    @Test
    void badVolumesAreUsageErrors() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        assertThat(run("shell", "-v", "missing").err).contains("No directory " + dir.resolve("missing"));
        assertThat(run("shell", "-v", "src:relative").err).contains("must be an absolute path");
        assertThat(run("shell", "-v", "src:/s:rx").err).contains("the mode is ro or rw");
        assertThat(run("shell", "-v", "src:/s:ro:x").exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(fake.started).isEmpty();
    }
}
