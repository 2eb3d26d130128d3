package io.xsbuild.it;

import io.xsbuild.cli.CliRun;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.DockerRuntime;
import io.xsbuild.container.EngineEndpoint;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.container.Labels;
import io.xsbuild.container.Step;
import io.xsbuild.event.Events;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;
import io.xsbuild.testing.HostTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * xsbuild against Podman's Docker-compatible API: a {@code podman system service} of the test's
 * own, with the test base image loaded into it from the Docker engine, runs doctor, rebuild, build,
 * shell and image build as it would Docker's.
 */
class PodmanIT {

    private static PodmanService podman;
    private static Path repo;
    private static Path demo;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private final String session = "it-podman-" + UUID.randomUUID();

    @BeforeAll
    static void service() throws Exception {
        HostTools.assume("git");
        repo = ExampleRepo.dir();
        demo = shared.resolve("xsdemo-git");
        DemoGitProject.make(demo);

        podman = PodmanService.start();
        podman.loadFromDocker(Engine.testbaseImage());
    }

    @AfterAll
    static void stop() throws Exception {
        if (podman != null) {
            podman.close();
        }
    }

    @AfterEach
    void nothingOfTheSessionIsLeft() throws Exception {
        try (ContainerRuntime runtime = podman.connect()) {
            assertThat(runtime.removeByLabel(Labels.SESSION, session)).as("containers of session " + session).isZero();
        }
    }

    private CliRun xsbuild(String... args) {
        return CliRun.run(podman::connect, Map.of(Session.ENV, session), dir, args);
    }

    @Test
    void doctorNamesPodmanItsVersionAndTheSocketGivenInDockerHost() throws Exception {
        XsbuildProcess.Result r = XsbuildProcess.run(dir, Map.of("DOCKER_HOST", podman.uri()), "doctor");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Podman engine  ok  4\\.\\d+\\.\\d+ \\(API 1\\.\\d+\\) at " + podman.uri()
                        + ", linux/amd64\n  chosen: DOCKER_HOST\n")
                .containsPattern("testbase +Debian bookworm with rpm and dnf.*\n +xsbuild/testbase:bookworm  ok");
    }

    @Test
    void withoutDockerHostOrTheDockerSocketTheRootlessSocketUnderXdgRuntimeDirIsFound() {
        // This machine has a Docker socket, so discovery is run as where it has none (nor /run/podman).
        EngineEndpoint found = EngineEndpoint.choose(Map.of("XDG_RUNTIME_DIR", podman.runtimeDir().toString()),
                EngineEndpoint.DEFAULT_URI, p -> !p.toString().equals(EngineEndpoint.DOCKER_SOCKET)
                        && !p.toString().equals(EngineEndpoint.PODMAN_SOCKET) && EngineEndpoint.usable(p));
        assertThat(found.uri()).isEqualTo(podman.uri());

        CliRun r = CliRun.run(() -> DockerRuntime.connect(found), Map.of(), dir, "doctor");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("Podman engine  ok  ", " at " + podman.uri() + ", ",
                "  chosen: the rootless Podman socket (DOCKER_HOST is unset and there is no usable /var/run/docker.sock)\n");
    }

    @Test
    void rebuildMakesTheRpmsWithTheNetworkCutDuringRpmbuild() throws Exception {
        CliRun r = xsbuild("rebuild", "--profile", "testbase", "--repo", repo.toString(), "--out", "out",
                "xsdemo-hello", "xsbtest-netprobe");

        assertThat(r.exitCode).as(r.toString()).isZero();
        Path hello = dir.resolve("out/RPMS/x86_64/xsdemo-hello-1.0-1.x86_64.rpm");
        assertThat(hello).isRegularFile();
        assertThat(Files.getOwner(hello).getName()).isEqualTo(System.getProperty("user.name"));
        assertThat(dir.resolve("out/SRPMS/xsdemo-hello-1.0-1.src.rpm")).isRegularFile();
        assertThat(dir.resolve("out/RPMS/noarch/xsbtest-netprobe-1.0-1.noarch.rpm")).isRegularFile();
        assertThat(Files.readString(dir.resolve("out/logs/xsdemo-hello/root.log"))).contains("xsdemo-devel");
        assertThat(Files.readString(dir.resolve("out/logs/xsbtest-netprobe/build.log"))).contains("network interfaces: lo \n");
        assertThat(Files.readString(dir.resolve("out/result.json"))).contains("\"ok\": true");

        CliRun kept = xsbuild("rebuild", "--profile", "testbase", "--repo", repo.toString(), "--out", "out", "--network",
                "xsbtest-netprobe");
        assertThat(kept.exitCode).as(kept.toString()).isZero();
        assertThat(Files.readString(dir.resolve("out/logs/xsbtest-netprobe/build.log"))).contains("network interfaces: eth0 lo \n");
    }

    @Test
    void aFailingSpecExits1WithItsBuildLogCopiedOut() throws Exception {
        CliRun r = xsbuild("rebuild", "--profile", "testbase", "--repo", repo.toString(), "--out", "out", "xsbtest-fails");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out/logs/xsbtest-fails/build.log")))
                .contains("xsbtest-fails: failing on purpose", "Bad exit status");
    }

    @Test
    void buildOfAGitCheckoutIsVersionedByGitDescribe() throws Exception {
        CliRun r = xsbuild("build", "--profile", "testbase", "--repo", repo.toString(), "--out", "out", demo.toString());

        assertThat(r.exitCode).as(r.toString()).isZero();
        String describe = DemoGitProject.git(demo, "describe", "--tags");
        String nvr = "xsdemo-git-0.10.0-1+s0+" + describe.replace('-', '+');
        assertThat(dir.resolve("out/SRPMS/" + nvr + ".src.rpm")).isRegularFile();
        assertThat(dir.resolve("out/RPMS/x86_64/" + nvr + ".x86_64.rpm")).isRegularFile();
    }

    @Test
    void shellRunsTheCommandAsTheBuilderAndExitsWithItsCode() throws Exception {
        Map<String, String> env = Map.of("DOCKER_HOST", podman.uri(), Session.ENV, session);
        XsbuildProcess.Result r = XsbuildProcess.run(dir, env, "shell", "--profile", "testbase", "--",
                "sh", "-c", "id -un; printf '[%s]\\n' \"$@\"; exit 7", "sh", "a b", "");
        assertThat(r.exit()).as(r.err()).isEqualTo(7);
        assertThat(r.out()).isEqualTo("builder\n[a b]\n[]\n");

        XsbuildProcess.Result repoquery = XsbuildProcess.run(dir, env, "shell", "--profile", "testbase", "--repo",
                repo.toString(), "--user", "root", "--", "dnf", "-q", "--disablerepo=*", "--enablerepo=xsbuild", "repoquery",
                "--arch", "src", "xsdemo");
        assertThat(repoquery.exit()).as(repoquery.err()).isZero();
        assertThat(repoquery.out()).isEqualTo("xsdemo-0:1.0-1.src\n");
    }

    @Test
    void onAnEngineTakenToBeOnAnotherMachineTheRepositoryIsCopiedInThroughPodmansArchiveApi() throws Exception {
        Map<String, String> env = Map.of("DOCKER_HOST", podman.uri(), Session.ENV, session,
                EngineEndpoint.LOCATION_ENV, "remote");
        XsbuildProcess.Result r = XsbuildProcess.run(dir, env, "shell", "--profile", "testbase", "--repo",
                repo.toString(), "--user", "root", "--", "sh", "-c", "grep -c ' /srv/xsbuild/repos' /proc/mounts; "
                        + "stat -c '%U %a' /srv/xsbuild/repos/xsbuild/repodata/repomd.xml; "
                        + "dnf -q --disablerepo='*' --enablerepo=xsbuild repoquery --arch src xsdemo");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("0\nroot 644\nxsdemo-0:1.0-1.src\n");
    }

    @Test
    void aWarmImageIsCommittedWithTheBuildRequiresInstalled() throws Exception {
        CliRun r = xsbuild("image", "build", "--profile", "testbase", "--repo", repo.toString(), "--builddeps", "xsdemo-hello");

        assertThat(r.exitCode).as(r.toString()).isZero();
        String tag = r.out.strip();
        assertThat(tag).startsWith("xsbuild/testbase-deps:");
        List<String> lines = new ArrayList<>();
        try (ContainerRuntime runtime = podman.connect(); Session check = Session.open(runtime, session, Events.NONE)) {
            ImageInfo image = runtime.findImage(tag).orElseThrow();
            assertThat(image.labels()).containsEntry("xsbuild.profile", "testbase");
            SessionContainer box = check.start(ContainerSpec.builder(tag).network("none"));
            int exit = box.run(Step.shell("rpm -q xsdemo-devel"), (stream, line) -> lines.add(line));
            assertThat(exit).as(String.join("\n", lines)).isZero();
        }
        assertThat(lines).containsExactly("xsdemo-devel-1.0-1.x86_64");
    }
}
