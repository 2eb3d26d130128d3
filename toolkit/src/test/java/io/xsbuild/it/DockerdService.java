package io.xsbuild.it;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.DockerRuntime;
import io.xsbuild.container.EngineEndpoint;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A second Docker engine of the test's own on this machine, sharing nothing with the machine's: its data
 * root beside the machine engine's (a file system overlay2 works on), its exec root with its own
 * containerd, pid file and socket under one directory, its own containerd namespace, a bridge it makes for
 * its containers, and no iptables rules (the machine engine's chains stay as they are; the containers reach
 * this machine, not the world). It listens on a unix socket and on {@code tcp://127.0.0.1:PORT}, which
 * xsbuild takes to be an engine of another machine.
 *
 * <p>Where it cannot run (no dockerd or ip, not root, the engine does not answer) the test is skipped
 * with the reason, or failed under CI, whose {@code .ci/run} installs what it needs.
 */
final class DockerdService implements AutoCloseable {

    private final Path dir;
    private final String bridge;
    private final int port;
    private Process process;

    private DockerdService(Path dir, String bridge, int port) {
        this.dir = dir;
        this.bridge = bridge;
        this.port = port;
    }

    /** Starts the engine and waits until it answers on both its sockets. */
    static DockerdService start() throws Exception {
        Path dockerd = EngineDirs.onPath("dockerd");
        if (dockerd == null) {
            unavailable("dockerd is not installed (apt-get install -y docker.io)");
        }
        if (EngineDirs.onPath("ip") == null) {
            unavailable("ip, which makes the second engine's bridge, is not installed (apt-get install -y iproute2)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            unavailable("a second dockerd needs root, and this user is not");
        }
        Path rootDir;
        try (ContainerRuntime machine = Engine.connect()) {
            String root = machine.info().rootDir();
            rootDir = root == null ? Path.of("/var/lib") : Path.of(root).getParent();
        }
        String id = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        DockerdService service = new DockerdService(Files.createTempDirectory(rootDir, "xsbuild-it-dockerd-"),
                "xsbit" + id, freePort());
        try {
            service.makeBridge();
            service.launch(dockerd, id);
        } catch (Exception | AssertionError e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** A /24 that no route of this machine covers, for the bridge: its first address is the bridge's. */
    private void makeBridge() throws Exception {
        List<long[]> taken = new ArrayList<>();
        for (String line : output("ip", "-4", "route", "show", "table", "all").split("\n")) {
            String dest = line.strip().split("\\s+")[0];
            if (dest.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?")) {
                taken.add(range(dest));
            }
        }
        String subnet = null;
        for (int third = 200; third < 256 && subnet == null; third++) {
            long[] candidate = range("10.213." + third + ".0/24");
            if (taken.stream().noneMatch(r -> r[0] <= candidate[1] && candidate[0] <= r[1])) {
                subnet = "10.213." + third;
            }
        }
        if (subnet == null) {
            unavailable("no free 10.213.X.0/24 for the second engine's bridge");
        }
        run("ip", "link", "add", bridge, "type", "bridge");
        run("ip", "addr", "add", subnet + ".1/24", "dev", bridge);
        run("ip", "link", "set", bridge, "up");
    }

    private void launch(Path dockerd, String id) throws Exception {
        Path config = Files.writeString(dir.resolve("daemon.json"), "{}\n");
        List<String> cmd = List.of(dockerd.toString(),
                "--config-file", config.toString(),
                "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("docker.pid").toString(),
                "--containerd-namespace", "xsbit-" + id,
                "--containerd-plugins-namespace", "xsbit-" + id + "-plugins",
                "-H", socketUri(),
                "-H", "tcp://127.0.0.1:" + port, "--tls=false",
                "--bridge", bridge, "--iptables=false", "--ip-masq=false", "--ip-forward=false", "--userland-proxy=false",
                "--log-level", "warn");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String uri : List.of(socketUri(), tcpUri())) {
            while (true) {
                if (!process.isAlive()) {
                    unavailable("the second dockerd exited with " + process.exitValue() + ": " + EngineDirs.tail(dir.resolve("dockerd.log")));
                }
                try (ContainerRuntime runtime = connect(uri)) {
                    break;
                } catch (ContainerException e) {
                    // not answering yet
                }
                if (System.nanoTime() > deadline) {
                    unavailable("the second dockerd did not answer at " + uri + " within 60 s: " + EngineDirs.tail(dir.resolve("dockerd.log")));
                }
                Thread.sleep(200);
            }
        }
    }

    /** Its unix socket, as DOCKER_HOST names it: an engine on this machine. */
    String socketUri() {
        return "unix://" + dir.resolve("docker.sock");
    }

    /** Its TCP listener on the loopback: what xsbuild takes to be an engine of another machine. */
    String tcpUri() {
        return "tcp://127.0.0.1:" + port;
    }

    ContainerRuntime connect(String uri) throws ContainerException {
        return DockerRuntime.connect(EngineEndpoint.of(uri, "DOCKER_HOST"));
    }

    /** Copies an image from the machine's engine into this one: docker save | docker -H load. */
    void loadFromDocker(String image) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "docker save \"$1\" | docker -H \"$2\" load", "sh", image, socketUri())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            fail("docker save " + image + " | docker -H " + socketUri() + " load failed:\n" + output);
        }
    }

    /** Stops the engine (its containers with it), removes its bridge, and its directories. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        // Its containerd, should dockerd have been stopped short of stopping it, names the exec root.
        EngineDirs.stop(ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(dir + "/")).orElse(false)).toList());
        new ProcessBuilder("ip", "link", "del", bridge).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        EngineDirs.remove(dir);
    }

    /** The first and last address of a CIDR block, as numbers. */
    private static long[] range(String cidr) {
        String[] parts = cidr.split("/");
        long address = 0;
        for (String octet : parts[0].split("\\.")) {
            address = address << 8 | Long.parseLong(octet);
        }
        int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : 32;
        long size = 1L << (32 - bits);
        long first = address & ~(size - 1) & 0xffffffffL;
        return new long[] {first, first + size - 1};
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            unavailable(String.join(" ", command) + " failed: " + out.strip());
        }
    }

    private static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static void unavailable(String why) {
        if (System.getenv("CI") != null) {
            fail("CI must be able to run a second Docker engine: " + why);
        }
        Assumptions.abort(why);
    }
}
