package io.xsbuild.it;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.cli.CliRun;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.Step;
import io.xsbuild.event.Events;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** xsbuild rebuild on the real engine, in the testbase profile, from the example repository. */
class RebuildIT {

    private static Path repo;

    @RegisterExtension
    final EngineSession engine = new EngineSession("it-rebuild");

    @TempDir
    Path dir;

    @BeforeAll
    static void exampleRepository() throws Exception {
        repo = ExampleRepo.dir();
    }

    private CliRun rebuild(String... args) {
        List<String> all = new ArrayList<>(List.of("rebuild", "--profile", "testbase", "--repo", repo.toString(), "--out", "out"));
        all.addAll(List.of(args));
        return engine.xsbuild(dir, Map.of(), all);
    }

    @Test
    void theCAndMakePackagesBuildAgainstTheHeaderOnlyTheDevelPackageShips() throws Exception {
        CliRun r = rebuild("xsdemo-hello", "xsdemo-tools");
        assertThat(r.exitCode).as(r.toString()).isZero();

        Path hello = dir.resolve("out/RPMS/x86_64/xsdemo-hello-1.0-1.x86_64.rpm");
        Path tools = dir.resolve("out/RPMS/noarch/xsdemo-tools-1.0-1.noarch.rpm");
        assertThat(hello).isRegularFile();
        assertThat(tools).isRegularFile();
        assertThat(dir.resolve("out/SRPMS/xsdemo-hello-1.0-1.src.rpm")).isRegularFile();
        assertThat(Files.getOwner(hello).getName()).isEqualTo(System.getProperty("user.name"));
        for (String log : List.of("build.log", "root.log", "state.log")) {
            assertThat(dir.resolve("out/logs/xsdemo-hello").resolve(log)).isNotEmptyFile();
        }
        assertThat(Files.readString(dir.resolve("out/logs/xsdemo-hello/root.log"))).contains("xsdemo-devel");
        assertThat(Files.readString(dir.resolve("out/result.json")))
                .contains("\"ok\": true", "\"nevra\": \"xsdemo-hello-1.0-1.x86_64\"", "\"sha256\": \"" + ChecksumType.SHA256.hex(hello) + "\"",
                        "\"builddep\":", "\"rpmbuild\":");

        assertThat(runInstalled(List.of(repo.resolve("RPMS/x86_64/xsdemo-1.0-1.x86_64.rpm"), hello, tools),
                "LD_LIBRARY_PATH=$(rpm --eval %_libdir) xsdemo-hello tester && xsdemo-info"))
                .containsExactly("Hello from xsdemo 1.0, tester", "the answer is 42, twice 21 is 42",
                        "built against Hello from xsdemo 1.0", "xsdemo-info: built against xsdemo 1.0");
    }

    @Test
    void aFailingSpecExits1WithItsBuildLogUnderOut() throws Exception {
        CliRun r = rebuild("xsbtest-fails");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        Path log = dir.resolve("out/logs/xsbtest-fails/build.log");
        assertThat(Files.readString(log)).contains("xsbtest-fails: failing on purpose", "Bad exit status");
        assertThat(r.err).contains("  xsbtest-fails: failing on purpose",
                "xsbuild: xsbtest-fails: rpmbuild of xsbtest-fails-1.0-1.src.rpm failed (exit 1): its log: " + log);
        assertThat(Files.readString(dir.resolve("out/result.json"))).contains("\"failedStage\": \"rpmbuild\"");
    }

    @Test
    void anUnknownPackageIsOneClearLine() {
        CliRun r = rebuild("no-such-package");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.err.lines().filter(l -> l.startsWith("xsbuild:")).toList()).singleElement().asString()
                .startsWith("xsbuild: no-such-package: No source package 'no-such-package' in the repositories of this run");
    }

    @Test
    void rpmbuildSeesOnlyLoopbackUnlessTheNetworkIsAskedFor() throws Exception {
        CliRun cut = rebuild("xsbtest-netprobe");
        assertThat(cut.exitCode).as(cut.toString()).isZero();
        assertThat(Files.readString(dir.resolve("out/logs/xsbtest-netprobe/build.log"))).contains("network interfaces: lo \n");

        CliRun kept = rebuild("--network", "xsbtest-netprobe");
        assertThat(kept.exitCode).as(kept.toString()).isZero();
        assertThat(Files.readString(dir.resolve("out/logs/xsbtest-netprobe/build.log"))).contains("network interfaces: eth0 lo \n");
    }

    @Test
    void aSourcePackageFileIsRebuiltWithoutARepositoryPackageName() throws Exception {
        Path srpm = Files.copy(repo.resolve("SRPMS/xsdemo-hello-1.0-1.src.rpm"), dir.resolve("xsdemo-hello-1.0-1.src.rpm"));
        CliRun r = rebuild("--srpm", srpm.toString(), "--define", "dist .xs1");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(dir.resolve("out/RPMS/x86_64/xsdemo-hello-1.0-1.xs1.x86_64.rpm")).isRegularFile();
    }

    /** Installs packages in a fresh testbase container and runs a script there; its output lines. */
    private List<String> runInstalled(List<Path> rpms, String script) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Session check = Session.open(engine.runtime(), engine.id(), Events.NONE)) {
            SessionContainer box = check.start(ContainerSpec.builder(Engine.testbaseImage()).network("none"));
            for (Path rpm : rpms) {
                box.copyIn(rpm, "/tmp");
            }
            int exit = box.run(Step.shell("rpm -i --nodeps /tmp/*.rpm 2>/dev/null && " + script),
                    (stream, line) -> lines.add(line));
            assertThat(exit).as(String.join("\n", lines)).isZero();
        }
        return lines;
    }
}
