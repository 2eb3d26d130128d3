package io.xsbuild.cli;

import io.xsbuild.build.FakeBuilds;
import io.xsbuild.container.FakeRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImageCommandTest {

    private final FakeRuntime fake = new FakeRuntime();
    private final FakeBuilds builds = new FakeBuilds(fake);

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(() -> fake, Map.of(), dir, args);
    }

    @Test
    void printsTheTagAndASecondRunBuildsNothing() {
        CliRun first = run("image", "build", "--profile", "testbase");
        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(first.out.strip()).matches("xsbuild/testbase-env:[0-9a-f]{16}");
        CliRun second = run("image", "build", "--profile", "testbase");
        assertThat(second.out).isEqualTo(first.out);
        assertThat(second.err).contains("is up to date: nothing to build");
        assertThat(fake.builds).hasSize(1);
    }

    @Test
    void aWarmImageWithAnExtraTagAsJson() throws Exception {
        builds.knows("xapi");
        FakeBuilds.repository(dir.resolve("repo"), "<repomd/>");
        CliRun r = run("image", "build", "--json", "--profile", "el9", "--repo", "repo", "--builddeps", "xapi", "--tag", "dom0:warm");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("\"built\": true", "\"builddeps\": [\n    \"xapi\"\n  ]", "\"dom0:warm\"",
                "\"tag\": \"xsbuild/el9-deps:");
        assertThat(fake.images).containsKey("dom0:warm");
    }

    @Test
    void builddepsNeedARepository() {
        CliRun r = run("image", "build", "--builddeps", "xapi");
        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err).contains("--builddeps needs --repo");
    }

    @Test
    void imageAloneAsksForItsSubcommand() {
        CliRun r = run("image");
        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err).contains("Missing a subcommand: build");
    }

    @Test
    void theHelpOfEachCommandShowsExamples() {
        for (String[] args : new String[][] {{"image", "--help"}, {"image", "build", "--help"}, {"rebuild", "--help"},
                {"shell", "--help"}}) {
            CliRun r = run(args);
            assertThat(r.exitCode).isZero();
            assertThat(r.out).as(String.join(" ", args)).contains("Examples:", "  xsbuild ");
        }
    }
}
