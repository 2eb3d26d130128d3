package io.xsbuild.session;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ImageCommit;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A container started by a {@link Session}: what the build stages do with it. */
public final class SessionContainer {

    private final ContainerRuntime runtime;
    private final String id;
    private final AtomicLong busyNanos = new AtomicLong();

    SessionContainer(ContainerRuntime runtime, String id) {
        this.runtime = runtime;
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The first twelve characters of the id, as docker shows it. */
    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** Runs a step, its output to {@code output}; returns its exit code. */
    public int run(Step step, LineSink output) throws ContainerException {
        return timed(() -> runtime.run(id, step, output));
    }

    /** Runs a step attached to this process's terminal; returns its exit code. */
    public int attach(Step step, boolean tty) throws ContainerException {
        return timed(() -> runtime.runAttached(id, step, tty));
    }

    /** A step, however it runs. */
    @FunctionalInterface
    private interface Running {
        int exitCode() throws ContainerException;
    }

    private int timed(Running step) throws ContainerException {
        long start = System.nanoTime();
        try {
            return step.exitCode();
        } finally {
            busyNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** How long steps have run in this container so far: the time spent inside it. */
    public double busySeconds() {
        return Math.round(busyNanos.get() / 1e6) / 1e3;
    }

    public void copyIn(Path hostPath, String containerDir) throws ContainerException {
        runtime.copyIn(id, hostPath, containerDir);
    }

    /** Copies a host directory's tree into the container as {@code containerPath}; returns the bytes sent. */
    public long copyTreeIn(Path hostDir, String containerPath) throws ContainerException {
        return runtime.copyTreeIn(id, hostDir, containerPath);
    }

    /** Whether the container's engine is on another machine: it sees none of this machine's paths nor its loopback. */
    public boolean remote() {
        return runtime.remote();
    }

    /** The address of the container's engine, for messages. */
    public String engine() throws ContainerException {
        return runtime.info().endpoint();
    }

    public List<Path> copyOut(String containerPath, Path hostDir) throws ContainerException {
        return runtime.copyOut(id, containerPath, hostDir);
    }

    /** The address at which the container reaches the engine's machine, while it has a network. */
    public Optional<String> gateway() throws ContainerException {
        return runtime.gateway(id);
    }

    /** Disconnects every network: afterwards only {@code lo} remains. */
    public void cutNetwork() throws ContainerException {
        runtime.disconnectNetworks(id);
    }

    /** Saves the container's file system as an image; returns its id. */
    public String commit(ImageCommit commit) throws ContainerException {
        return runtime.commit(id, commit);
    }
}
