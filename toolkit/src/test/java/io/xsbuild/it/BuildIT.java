package io.xsbuild.it;

import io.xsbuild.cli.CliRun;
import io.xsbuild.git.TestRepository;
import io.xsbuild.session.Session;
import io.xsbuild.testing.HostTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * xsbuild build on the real engine, in the testbase profile, from real git repositories: the example
 * project as {@code examples/git-project/make-demo-repo.sh} makes it, and small ones made here.
 */
class BuildIT {

    @TempDir
    static Path shared;

    private static Path repo;
    private static Path demo;
    private static String describe;

    @RegisterExtension
    final EngineSession engine = new EngineSession("it-build");

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() throws Exception {
        HostTools.assume("git");
        repo = ExampleRepo.dir();
        demo = shared.resolve("xsdemo-git");
        DemoGitProject.make(demo);
        describe = DemoGitProject.git(demo, "describe", "--tags");
    }

    private CliRun build(String... args) {
        List<String> all = new ArrayList<>(List.of("build", "--profile", "testbase", "--repo", repo.toString()));
        all.addAll(List.of(args));
        return engine.xsbuild(dir, Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()), all);
    }

    @Test
    void theReleaseCarriesGitDescribeAndTwoBuildsOfOneCommitAreByteIdentical() throws Exception {
        assertThat(describe).matches("0\\.10\\.0-8-g[0-9a-f]{7,}");
        String nvr = "xsdemo-git-0.10.0-1+s0+" + describe.replace('-', '+');

        CliRun first = build("--out", "first", demo.toString());
        assertThat(first.exitCode).as(first.toString()).isZero();
        CliRun second = build("--out", "second", demo.toString());
        assertThat(second.exitCode).as(second.toString()).isZero();

        Path srpm = Path.of("SRPMS", nvr + ".src.rpm");
        Path rpm = Path.of("RPMS", "x86_64", nvr + ".x86_64.rpm");
        for (Path file : List.of(srpm, rpm)) {
            assertThat(dir.resolve("first").resolve(file)).isRegularFile();
            assertThat(dir.resolve("second").resolve(file)).as(file + " of both builds").hasSameBinaryContentAs(
                    dir.resolve("first").resolve(file));
        }
        byte[] source0 = PackageContent.bytes(dir.resolve("first").resolve(srpm), "xsdemo-git-0.10.0.tar.gz");
        assertThat(source0).isNotEmpty().isEqualTo(PackageContent.bytes(dir.resolve("second").resolve(srpm), "xsdemo-git-0.10.0.tar.gz"));
        assertThat(Files.readString(dir.resolve("first/logs/xsdemo-git/build.log")))
                .contains("'-DVERSION=\"0.10.0-" + nvr.substring("xsdemo-git-0.10.0-".length()) + "\"'");
        assertThat(Files.readString(dir.resolve("first/result.json"))).contains("\"ok\": true",
                "\"describe\": \"" + describe + "\"", "\"commit\": \"" + DemoGitProject.git(demo, "rev-parse", "HEAD") + "\"",
                "\"dirty\": false", "\"release\": \"1+s0+" + describe.replace('-', '+') + "%{?dist}\"");
        assertThat(first.out).contains("xsdemo-git: built from " + describe, "first/SRPMS/" + nvr + ".src.rpm");
    }

    @Test
    void theExamplePackageRepositoryBuildsWithItsOwnVersionFromItsSourcesAndPatch() throws Exception {
        CliRun r = build("--out", "out", Engine.projectDir().resolve("examples/package-repo").toString());
        assertThat(r.exitCode).as(r.toString()).isZero();
        Path rpm = dir.resolve("out/RPMS/noarch/xsdemo-pkgrepo-1.2-3.noarch.rpm");
        assertThat(rpm).isRegularFile();
        assertThat(dir.resolve("out/SRPMS/xsdemo-pkgrepo-1.2-3.src.rpm")).isRegularFile();
        assertThat(PackageContent.bytes(dir.resolve("out/SRPMS/xsdemo-pkgrepo-1.2-3.src.rpm"), "xsdemo-pkgrepo-1.2.tar.gz"))
                .as("the tarball of SOURCES/, not one made of the checkout")
                .isEqualTo(Files.readAllBytes(Engine.projectDir().resolve("examples/package-repo/SOURCES/xsdemo-pkgrepo-1.2.tar.gz")));
        assertThat(new String(PackageContent.bytes(rpm, "./usr/bin/xsdemo-pkgrepo"), StandardCharsets.UTF_8)).as("the patch applied")
                .contains("Hello from xsdemo-pkgrepo 1.2, ${1:-world}");
        assertThat(Files.readString(dir.resolve("out/result.json"))).contains("\"version\": \"1.2\"", "\"release\": \"3%{?dist}\"");
    }

    @Test
    void exactlyOnATagTheReleaseIsTheTagAlone() {
        CliRun r = build("--ref", "0.10.0", demo.toString());
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(dir.resolve("xsbuild-out/SRPMS/xsdemo-git-0.10.0-1+s0+0.10.0.src.rpm")).isRegularFile();
        assertThat(dir.resolve("xsbuild-out/RPMS/x86_64/xsdemo-git-0.10.0-1+s0+0.10.0.x86_64.rpm")).isRegularFile();
    }

    @Test
    void makeCompilesAgainstTheHeaderOfTheDevelPackageThePackageBuildRequires() throws Exception {
        TestRepository project = TestRepository.init(dir.resolve("greeter"));
        project.write("greeter.c", "#include <stdio.h>\n#include <xsdemo.h>\n"
                + "int main(void) { puts(XSDEMO_GREETING); return xsdemo_answer() == 42 ? 0 : 1; }\n");
        project.write("Makefile", "greeter: greeter.c\n\t@echo \"describe: $$XSBUILD_GIT_DESCRIBE\"\n"
                + "\t$(CC) -o $@ greeter.c -lxsdemo\n");
        project.commitAll("greeter");
        project.annotatedTag("v1");

        CliRun r = build(project.dir().toString(), "--make", "--package", "xsdemo-hello");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(Files.readString(dir.resolve("xsbuild-out/logs/greeter/root.log"))).contains("xsdemo-devel");
        assertThat(Files.readString(dir.resolve("xsbuild-out/logs/greeter/build.log"))).contains("describe: v1\n");
        try (var files = Files.list(dir.resolve("xsbuild-out/artifacts"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("greeter");
        }
        byte[] binary = Files.readAllBytes(dir.resolve("xsbuild-out/artifacts/greeter"));
        assertThat(new String(binary, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("\u007fELF");
        assertThat(new String(binary, StandardCharsets.ISO_8859_1)).as("the greeting only xsdemo.h defines")
                .contains("Hello from xsdemo 1.0");
        assertThat(Files.readString(dir.resolve("xsbuild-out/result.json")))
                .contains("\"path\": \"artifacts/greeter\"", "\"describe\": \"v1\"");
    }

    @Test
    void aFailingBuildSectionExits1WithItsBuildLogKept() throws Exception {
        TestRepository project = specProject("xsgit-fails", "echo 'xsgit-fails: failing on purpose'\nexit 1");
        project.annotatedTag("1.0");

        CliRun r = build("--out", "out", project.dir().toString());

        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        Path log = dir.resolve("out/logs/xsgit-fails/build.log");
        assertThat(Files.readString(log)).contains("xsgit-fails: failing on purpose", "Bad exit status");
        assertThat(r.err).contains("  xsgit-fails: failing on purpose", "xsbuild: xsgit-fails: rpmbuild of xsgit-fails-1.0-1+s0+1.0.src.rpm "
                + "failed (exit 1): its log: " + log);
        assertThat(Files.readString(dir.resolve("out/result.json"))).contains("\"failedStage\": \"rpmbuild\"");
    }

    @Test
    void untaggedHistoryIsOneLineAndExit2UnlessAlways() {
        TestRepository project = specProject("xsgit-untagged", "true");

        CliRun refused = build(project.dir().toString());
        assertThat(refused.exitCode).as(refused.toString()).isEqualTo(2);
        String abbreviated = project.git("rev-parse", "--short", "HEAD");
        assertThat(refused.err.lines().toList()).containsExactly("xsbuild: No tag reachable from " + abbreviated + " in "
                + project.dir() + ": tag a release (git tag -a v1.0) or pass --always");

        CliRun always = build("--always", project.dir().toString());
        assertThat(always.exitCode).as(always.toString()).isZero();
        assertThat(dir.resolve("xsbuild-out/SRPMS/xsgit-untagged-1.0-1+s0+" + project.git("describe", "--always") + ".src.rpm"))
                .isRegularFile();
    }

    @Test
    void theBuildSeesNoGitRepositoryAboveItsSources() throws Exception {
        TestRepository project = specProject("xsgit-probe", String.join("\n",
                "echo \"ceiling: $GIT_CEILING_DIRECTORIES\"",
                "git init -q %{_topdir}",
                "git -C %{_topdir} -c user.name=p -c user.email=p@example.com commit -q --allow-empty -m planted",
                "git -C %{_topdir} tag v9.9.9",
                "echo \"without the ceiling: $(GIT_CEILING_DIRECTORIES= git describe --tags)\"",
                "if git describe --tags; then echo 'saw a repository'; exit 1; fi",
                "echo 'with the ceiling: no repository'"));
        project.annotatedTag("1.0");

        CliRun r = build(project.dir().toString());

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(Files.readString(dir.resolve("xsbuild-out/logs/xsgit-probe/build.log")))
                .contains("ceiling: /home/builder/rpmbuild\n", "without the ceiling: v9.9.9\n", "not a git repository",
                        "with the ceiling: no repository\n");
    }

    @Test
    void ctrlCDuringRpmbuildLeavesNoContainerAndNoPreparedSources() throws Exception {
        TestRepository project = specProject("xsgit-sleeps", "echo 'xsgit-sleeps: sleeping'\nsleep 600");
        project.annotatedTag("1.0");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path log = dir.resolve("xsbuild-out/logs/xsgit-sleeps/build.log");
        XsbuildProcess xsbuild = XsbuildProcess.start(dir, Map.of(Session.ENV, engine.id(),
                        "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp),
                "build", "--profile", "testbase", project.dir().toString());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(Files.exists(log) && Files.readString(log).contains("xsgit-sleeps: sleeping"))) {
            assertThat(System.nanoTime()).as("rpmbuild started sleeping; so far:\n" + xsbuild.errSoFar()).isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(tmp).isNotEmptyDirectory();

        xsbuild.signal("INT");
        XsbuildProcess.Result result = xsbuild.await(2, TimeUnit.MINUTES);

        assertThat(result.exit()).as(result.err()).isEqualTo(130);
        assertThat(result.err()).contains("Interrupted: removed 1 container of session " + engine.id());
        assertThat(tmp).isEmptyDirectory();
    }

    /** A repository whose spec's %build runs {@code build}, committed once, on no tag. */
    private TestRepository specProject(String name, String build) {
        TestRepository project = TestRepository.init(dir.resolve(name));
        project.write(name + ".spec", String.join("\n",
                "Name:           " + name,
                "Version:        1.0",
                "Release:        1%{?dist}",
                "Summary:        " + name,
                "License:        MIT",
                "Source0:        %{name}-%{version}.tar.gz",
                "BuildArch:      noarch",
                "",
                "%description",
                name + ".",
                "",
                "%prep",
                "%setup -q",
                "",
                "%build",
                build,
                "",
                "%install",
                "",
                "%files",
                "",
                "%changelog",
                ""));
        project.write("README", name + "\n");
        project.commitAll(name);
        return project;
    }

    /** One file of a source package's payload, read with the host's rpm2cpio and cpio. */
}
