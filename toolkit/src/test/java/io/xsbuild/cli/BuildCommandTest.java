package io.xsbuild.cli;

import io.xsbuild.build.FakeBuilds;
import io.xsbuild.build.GitProjects;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.git.TestRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuildCommandTest {

    private final FakeRuntime fake = new FakeRuntime();
    private final FakeBuilds builds = new FakeBuilds(fake);

    @TempDir
    Path dir;

    private TestRepository git;
    private String release;

    @BeforeEach
    void checkout() throws Exception {
        FakeBuilds.repository(dir.resolve("repo"), "<repomd/>");
        git = GitProjects.tagged(dir.resolve("xsgit"));
        release = "1+s0+" + git.git("describe", "--tags").replace('-', '+');
    }

    private CliRun run(String... args) {
        return CliRun.run(() -> fake, Map.of("XSBUILD_PROFILE", "testbase", "XSBUILD_SESSION", "cli-test",
                "XDG_CACHE_HOME", dir.resolve("cache").toString()), dir, args);
    }

    @Test
    void aBuiltCheckoutExits0AndListsItsSourcePackageAndRpms() {
        builds.fromGit("xsgit", "xsgit-1.0-" + release + ".src.rpm");
        CliRun r = run("build", "--repo", "repo", "xsgit");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("xsgit: built from " + git.git("describe", "--tags") + " in ",
                "  xsbuild-out/SRPMS/xsgit-1.0-" + release + ".src.rpm", "  xsbuild-out/RPMS/x86_64/xsgit-1.0-1.x86_64.rpm",
                "Results: xsbuild-out/result.json");
        assertThat(r.err).contains("git describe: " + git.git("describe", "--tags"));
        assertThat(fake.containers).isEmpty();
    }

    @Test
    void jsonPrintsTheReportWithWhereTheBuildCameFrom() {
        builds.fromGit("xsgit", "xsgit-1.0-" + release + ".src.rpm");
        CliRun r = run("build", "--json", "xsgit");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.strip()).startsWith("{").endsWith("}").contains("\"ok\": true",
                "\"commit\": \"" + git.git("rev-parse", "HEAD") + "\"", "\"describe\": \"" + git.git("describe", "--tags") + "\"",
                "\"release\": \"" + release + "%{?dist}\"", "\"dirty\": false");
    }

    @Test
    void theFlagsShapeTheBuild() {
        git.git("tag", "v2.0");
        git.commit("hello.c", "int main(void) { return 3; }\n");
        builds.fromGit("xsgit", "xsgit-2.0-1.src.rpm");
        CliRun r = run("build", "xsgit", "--match", "v*", "--version-from-tag", "--define", "dist .xs8", "--nocheck",
                "--network", "--out", "o");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(fake.files.get("/var/tmp/xsbuild/git/SPECS/xsgit.spec")).asString()
                .contains("Version:        2.0\n", "Release:        1+s0+v2.0+1+g");
        List<String> srpmBuild = fake.steps.stream().map(FakeBuilds::command).filter(a -> a.contains("-bs")).findFirst().orElseThrow();
        assertThat(srpmBuild).containsSubsequence("--define", "dist .xs8", "--nocheck");
        assertThat(fake.disconnected).isEmpty();
        assertThat(dir.resolve("o/result.json")).exists();
    }

    @Test
    void makeWithoutATargetRunsPlainMakeAndWithOneMakesIt() {
        builds.listings(List.of("Makefile\t1\t1.0"), List.of("Makefile\t1\t1.0", "hello\t1\t2.0"));
        fake.files.put("/home/builder/artifacts/hello", new byte[] {1});
        CliRun plain = run("build", "xsgit", "--make");
        assertThat(plain.exitCode).as(plain.toString()).isZero();
        assertThat(plain.out).contains("xsgit: built from ", "  xsbuild-out/artifacts/hello");
        assertThat(fake.steps.stream().map(FakeBuilds::command)).contains(List.of("make")).doesNotContain(List.of("make", ""));

        builds.listings(List.of("Makefile\t1\t1.0"), List.of("Makefile\t1\t1.0", "hello\t1\t2.0"));
        CliRun check = run("build", "xsgit", "--make=check", "--artifacts", "hell*");
        assertThat(check.exitCode).as(check.toString()).isZero();
        assertThat(fake.steps.stream().map(FakeBuilds::command)).contains(List.of("make", "check"));
    }

    @Test
    void aFailedBuildExits1WithTheEndOfItsLog() {
        builds.fromGit("xsgit", "xsgit-1.0-" + release + ".src.rpm").failing("xsgit");
        CliRun r = run("build", "--out", "o", "xsgit");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err).contains("--- last lines of xsgit's build.log", "  make: *** [all] Error 2",
                "xsbuild: xsgit: rpmbuild of xsgit-1.0-" + release + ".src.rpm failed (exit 1): its log: "
                        + dir.resolve("o/logs/xsgit/build.log"));
        assertThat(r.out).contains("xsgit: FAILED from " + git.git("describe", "--tags") + " at rpmbuild, logs in o/logs/xsgit");
    }

    @Test
    void noTagIsOneLineAndExit2() {
        TestRepository untagged = GitProjects.untagged(dir.resolve("untagged"));
        CliRun r = run("build", "untagged");
        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err.lines().toList()).containsExactly("xsbuild: No tag reachable from "
                + untagged.git("rev-parse", "--short", "HEAD") + " in " + untagged.dir()
                + ": tag a release (git tag -a v1.0) or pass --always");
        assertThat(fake.started).isEmpty();
    }

    @Test
    void usageErrorsExit2BeforeAnyContainer() {
        git.write("other.spec", GitProjects.SPEC);
        git.commitAll("a second spec");
        Map<List<String>, String> errors = Map.ofEntries(
                Map.entry(List.of("build"), "Give the checkout to build: a PATH in it or a GIT_URL"),
                Map.entry(List.of("build", "--make", "xsgit"), "--make took 'xsgit' as its TARGET: write --make=TARGET, "
                        + "or put PATH before --make"),
                Map.entry(List.of("build", "xsgit", "--package", "x"), "--package goes with --make"),
                Map.entry(List.of("build", "xsgit", "--artifacts", "*.so"), "--artifacts goes with --make"),
                Map.entry(List.of("build", "xsgit", "--make", "--define", "a b", "--with", "x"),
                        "--define, --with are for rpmbuild, which --make does not run"),
                Map.entry(List.of("build", "xsgit", "--make", "--version-from-tag"), "--version-from-tag is for rpmbuild"),
                Map.entry(List.of("build", "xsgit", "--make", "--package", "x", "--spec", "xsgit.spec"),
                        "Give --package or --spec, not both"),
                Map.entry(List.of("build", "xsgit", "--make", "--package", "x"), "--package x needs --repo"),
                Map.entry(List.of("build", "xsgit", "--define", "nospace"), "--define takes 'MACRO VALUE'"),
                Map.entry(List.of("build", "repo"), "is not a git checkout"),
                Map.entry(List.of("build", "xsgit"), "Several spec files in " + git.dir() + ": other.spec, xsgit.spec"),
                Map.entry(List.of("build", "xsgit", "--make"), "Several spec files"),
                Map.entry(List.of("build", "xsgit", "--spec", "none.spec"), "No spec file none.spec in " + git.dir()));
        errors.forEach((args, message) -> {
            CliRun r = run(args.toArray(String[]::new));
            assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err).as(String.join(" ", args)).contains(message);
        });
        assertThat(fake.started).isEmpty();
    }

    @Test
    void withMakeEveryRpmbuildFlagGivenIsRefusedInTheOrderOfTheHelp() {
        CliRun r = run("build", "xsgit", "--make", "--target", "i686", "--nocheck", "--without", "y", "--with", "x",
                "--define", "a b", "--version-from-tag");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err).contains("--define, --with, --without, --nocheck, --target, --version-from-tag are for rpmbuild, "
                + "which --make does not run");
        assertThat(run("build", "xsgit", "--make", "--nocheck").err).contains("--nocheck is for rpmbuild");
        assertThat(fake.started).isEmpty();
    }
}
