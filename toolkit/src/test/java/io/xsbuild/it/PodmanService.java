package io.xsbuild.it;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.DockerRuntime;
import io.xsbuild.container.EngineEndpoint;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A rootful {@code podman system service} of the test's own: its socket, storage, run and state
 * directories all under one temporary directory, so that it shares nothing with the machine's
 * Podman or with other tests. The socket is at {@code DIR/podman/podman.sock}, where the rootless
 * socket is under {@code XDG_RUNTIME_DIR=DIR}.
 *
 * <p>Where Podman cannot run (no podman, not root, no catatonit, the service does not answer) the
 * test is skipped with the reason, or failed under CI, whose {@code .ci/run} installs what it needs.
 */
final class PodmanService implements AutoCloseable {

    private static final long CAP_SYS_RESOURCE = 24;

    private final Path dir;
    private final Path log;
    private Process process;

    private PodmanService(Path dir) {
        this.dir = dir;
        this.log = dir.resolve("service.log");
    }

    /** Starts the service and waits until it answers. */
    static PodmanService start() throws Exception {
        Path podman = EngineDirs.onPath("podman");
        if (podman == null) {
            unavailable("podman is not installed (apt-get install -y podman catatonit)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            unavailable("the Podman test runs a rootful podman system service, and this user is not root");
        }
        if (!Files.isExecutable(Path.of("/usr/libexec/podman/catatonit")) && EngineDirs.onPath("catatonit") == null) {
            unavailable("catatonit, which Podman runs as a container's init, is not installed (apt-get install -y catatonit)");
        }
        PodmanService service = new PodmanService(Files.createTempDirectory("xsbuild-podman-"));
        try {
            service.launch(Map.of());
            if (!hasCapability(CAP_SYS_RESOURCE)) {
                // Podman 4.3 gives containers nofile and nproc of 1048576 unless containers.conf says
                // otherwise, which a root without CAP_SYS_RESOURCE cannot raise its limits to: the
                // service's own limits are what its containers can have.
                Map<String, Long> limits = service.limits();
                service.stopProcess();
                Path conf = service.dir.resolve("containers.conf");
                Files.writeString(conf, "[containers]\ndefault_ulimits = [\"nofile=" + limits.get("nofile") + ":"
                        + limits.get("nofile") + "\", \"nproc=" + limits.get("nproc") + ":" + limits.get("nproc") + "\"]\n");
                service.launch(Map.of("CONTAINERS_CONF", conf.toString()));
            }
        } catch (Exception | AssertionError e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void launch(Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>(global());
        cmd.addAll(List.of("system", "service", "--time=0", uri()));
        Files.createDirectories(socket().getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (!process.isAlive()) {
                unavailable("podman system service exited with " + process.exitValue() + ": " + EngineDirs.tail(log));
            }
            if (EngineEndpoint.usable(socket())) {
                try (ContainerRuntime runtime = connect()) {
                    return;
                } catch (ContainerException e) {
                    // not answering yet
                }
            }
            if (System.nanoTime() > deadline) {
                unavailable("podman system service did not answer at " + uri() + " within 30 s: " + EngineDirs.tail(log));
            }
            Thread.sleep(100);
        }
    }

    /** The options that keep this service's state to its own directory. */
    private List<String> global() {
        return List.of("podman", "--root", dir.resolve("storage").toString(), "--runroot", dir.resolve("run").toString(),
                "--tmpdir", dir.resolve("tmp").toString(), "--storage-driver", "overlay");
    }

    /** The open-files and process limits the service runs with, from /proc. */
    private Map<String, Long> limits() throws IOException {
        long nofile = 0;
        long nproc = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "limits"))) {
            String[] f = line.split("\\s{2,}");
            if (line.startsWith("Max open files")) {
                nofile = Long.parseLong(f[2].strip());
            } else if (line.startsWith("Max processes")) {
                nproc = Long.parseLong(f[2].strip());
            }
        }
        return Map.of("nofile", nofile, "nproc", nproc);
    }

    private static boolean hasCapability(long bit) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << bit)) != 0;
            }
        }
        return false;
    }

    /** The directory whose podman/podman.sock is the socket: XDG_RUNTIME_DIR for discovery. */
    Path runtimeDir() {
        return dir;
    }

    Path socket() {
        return dir.resolve("podman/podman.sock");
    }

    /** The socket as DOCKER_HOST names it. */
    String uri() {
        return "unix://" + socket();
    }

    ContainerRuntime connect() throws ContainerException {
        return DockerRuntime.connect(EngineEndpoint.of(uri(), "DOCKER_HOST"));
    }

    /** Copies an image from the Docker engine into this service's storage: docker save | podman load. */
    void loadFromDocker(String image) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "docker save \"$1\" | podman --url \"$2\" load", "sh", image, uri())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            fail("docker save " + image + " | podman load failed:\n" + output);
        }
    }

    private void stopProcess() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        process = null;
    }

    /** Stops the service and removes its directory, storage included. */
    @Override
    public void close() throws Exception {
        stopProcess();
        // Each exec leaves a conmon behind that keeps its exit code for five minutes (--exit-delay
        // 300); those of this service name its directory.
        List<ProcessHandle> conmons = ProcessHandle.allProcesses()
                .filter(h -> h.info().command().map(c -> c.endsWith("/conmon")).orElse(false)
                        && h.info().commandLine().map(c -> c.contains(dir + "/")).orElse(false))
                .toList();
        EngineDirs.stop(conmons);
        // The overlay driver leaves its directory bind-mounted on itself when the service ends.
        EngineDirs.remove(dir);
    }

    private static void unavailable(String why) {
        if (System.getenv("CI") != null) {
            fail("CI must be able to run Podman: " + why);
        }
        Assumptions.abort(why);
    }
}
