package io.xsbuild.cli;

import io.xsbuild.build.FakeBuilds;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildCommandTest {

    private final FakeRuntime fake = new FakeRuntime();
    private final FakeBuilds builds = new FakeBuilds(fake);

    @TempDir
    Path dir;

    @BeforeEach
    void repository() throws Exception {
        FakeBuilds.repository(dir.resolve("repo"), "<repomd/>");
    }

    private CliRun run(String... args) {
        return CliRun.run(() -> fake, Map.of("XSBUILD_PROFILE", "testbase", "XSBUILD_SESSION", "cli-test"), dir, args);
    }

    @Test
    void aBuiltPackageExits0AndListsItsRpmsAndTheResultFile() {
        builds.knows("xsdemo-hello");
        CliRun r = run("rebuild", "--repo", "repo", "xsdemo-hello");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("xsdemo-hello: built in ", "xsbuild-out/RPMS/x86_64/xsdemo-hello-1.0-1.x86_64.rpm",
                "Results: xsbuild-out/result.json");
        assertThat(dir.resolve("xsbuild-out/result.json")).exists();
        assertThat(fake.containers).isEmpty();
    }

    @Test
    void aFailedPackageExits1WithTheEndOfItsLogAndOneLineNamingIt() {
        builds.failing("broken");
        CliRun r = run("rebuild", "--repo", "repo", "--out", "o", "broken");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err).contains("--- last lines of broken's build.log", "  make: *** [all] Error 2",
                "xsbuild: broken: rpmbuild of broken-1.0-1.src.rpm failed (exit 1): its log: "
                        + dir.resolve("o/logs/broken/build.log"));
        assertThat(r.out).contains("broken: FAILED at rpmbuild, logs in o/logs/broken");
    }

    @Test
    void anUnknownPackageExits1WithOneClearLine() {
        CliRun r = run("rebuild", "--repo", "repo", "nosuch");
        assertThat(r.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err.lines().filter(l -> l.startsWith("xsbuild:")).toList()).containsExactly(
                "xsbuild: nosuch: No source package 'nosuch' in the repositories of this run"
                        + ": the package manager said \"Error: No package nosuch available.\"");
    }

    @Test
    void jsonPrintsTheReportEvenWhenABuildFails() {
        builds.failing("broken");
        CliRun r = run("rebuild", "--json", "--repo", "repo", "broken");
        assertThat(r.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out.strip()).startsWith("{").endsWith("}")
                .contains("\"ok\": false", "\"status\": \"FAILED\"", "\"session\": \"cli-test\"");
    }

    @Test
    void theFlagsReachRpmbuild() {
        builds.knows("xapi");
        CliRun r = run("rebuild", "--repo", "repo", "--define", "dist .el7", "--with", "a", "--without", "b",
                "--nocheck", "--target", "i686", "--network", "xapi");
        assertThat(r.exitCode).as(r.toString()).isZero();
        Step rpmbuild = fake.steps.stream().filter(s -> FakeBuilds.command(s).get(0).equals("rpmbuild")).findFirst().orElseThrow();
        assertThat(rpmbuild.argv()).containsSubsequence("--define", "dist .el7", "--with", "a", "--without", "b",
                "--nocheck", "--target", "i686");
        assertThat(fake.disconnected).isEmpty();
    }

    @Test
    void aSourcePackageFileIsRebuilt() throws Exception {
        Files.write(dir.resolve("xapi-1.0-1.src.rpm"), FakeBuilds.srpmBytes("xapi"));
        fake.files.put("/home/builder/rpmbuild/" + FakeBuilds.rpm("xapi"), FakeBuilds.rpmBytes("xapi"));
        CliRun r = run("rebuild", "--srpm", "xapi-1.0-1.src.rpm");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(fake.started.get(0).mounts()).as("no repository, none mounted").isEmpty();
    }

    @Test
    void usageErrorsExit2() {
        assertThat(run("rebuild").err).contains("Nothing to rebuild");
        assertThat(run("rebuild", "xapi").err).contains("needs --repo: the testbase profile has no repositories of its own");
        assertThat(run("rebuild", "--repo", "nowhere", "xapi").err).contains("No repository at " + dir.resolve("nowhere"));
        assertThat(run("rebuild", "--repo", "repo", "--define", "nospace", "xapi").err).contains("--define takes 'MACRO VALUE'");
        assertThat(run("rebuild", "--repo", "repo", "xapi", "--srpm", "missing.src.rpm").err).contains("not both");
        assertThat(run("rebuild", "--srpm", "missing.src.rpm").err).contains("No source RPM at");
        assertThat(run("rebuild", "--profile", "el8", "--srpm", "x.src.rpm").err).contains("Unknown profile 'el8'");
        for (String[] args : new String[][] {{"rebuild"}, {"rebuild", "xapi"}, {"rebuild", "--repo", "repo", "--define", "x", "y"}}) {
            assertThat(run(args).exitCode).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
        }
        assertThat(fake.started).isEmpty();
    }

    @Test
    void anOutThatIsAFileIsOneLineSayingSo() throws Exception {
        builds.knows("xsdemo-hello");
        Path file = Files.writeString(dir.resolve("file"), "not a directory");
        CliRun r = run("rebuild", "--repo", "repo", "--out", "file", "xsdemo-hello");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err.lines().toList()).containsExactly("xsbuild: --out " + file
                + " is a file, not a directory: give a directory for the results (it is made if missing)");
        assertThat(fake.started).isEmpty();
    }

    @Test
    void aMissingBaseImageExits3NamingTheCommandThatMakesIt() {
        fake.images.remove("centos:7.9.2009");
        CliRun r = CliRun.run(() -> fake, Map.of(), dir, "rebuild", "--repo", "repo", "xapi");
        assertThat(r.exitCode).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(r.err.lines().toList()).containsExactly("xsbuild: The image centos:7.9.2009 is not in the Docker engine: "
                + "make it with docker pull centos:7.9.2009, or choose another profile (--profile, XSBUILD_PROFILE)");
    }
}
