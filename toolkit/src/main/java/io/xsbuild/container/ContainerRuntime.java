package io.xsbuild.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one seam between xsbuild and a container engine, in xsbuild's own terms. The engine code
 * (images, builds, shells) talks only to this; {@link DockerRuntime} is the one implementation on
 * a real engine, and unit tests use a hand-written fake.
 *
 * <p>Every container and image xsbuild makes carries the {@link Labels#SESSION} label so that
 * {@link #removeByLabel} can clean up after any run, however it ended.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** The engine's version and API, proving it answers. */
    EngineInfo info() throws ContainerException;

    /**
     * How many processors the engine's machine has, which is how many builds it runs at once by default;
     * this machine's count where the engine does not say.
     */
    default int cpus() throws ContainerException {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The image with this reference or id, if the engine has it. */
    Optional<ImageInfo> findImage(String reference) throws ContainerException;

    /**
     * Builds an image from a context directory. Build output goes to {@code output} line by line.
     *
     * @return the id of the image built
     */
    String buildImage(ImageBuild build, LineSink output) throws ContainerException;

    /** Pulls an image from its registry; progress goes to {@code output} line by line. */
    void pullImage(String reference, LineSink output) throws ContainerException;

    /** Adds a tag to an existing image. */
    void tagImage(String imageId, String tag) throws ContainerException;

    /** Removes an image by tag or id; an image that is already gone is not an error. */
    void removeImage(String reference) throws ContainerException;

    /** Creates and starts a container that idles until steps run in it; returns its id. */
    String start(ContainerSpec spec) throws ContainerException;

    /**
     * Runs one step in a started container, sending its standard output and error to
     * {@code output} line by line as they come.
     *
     * @return the step's exit code
     */
    int run(String containerId, Step step, LineSink output) throws ContainerException;

    /**
     * Runs one step attached to the {@link Terminal} this runtime was connected with (its standard
     * input, output and error, with a TTY when {@code tty}): an interactive shell.
     *
     * @return the step's exit code
     */
    int runAttached(String containerId, Step step, boolean tty) throws ContainerException;

    /**
     * Saves a container's file system as an image with the given tag and labels.
     *
     * @return the id of the image made
     */
    String commit(String containerId, ImageCommit commit) throws ContainerException;

    /**
     * The address at which a started container reaches the machine its engine runs on: the gateway of the
     * network it is on; empty when it is on none.
     */
    Optional<String> gateway(String containerId) throws ContainerException;

    /** Disconnects the container from every network it is on: afterwards only {@code lo} remains. */
    void disconnectNetworks(String containerId) throws ContainerException;

    /**
     * Copies a file or directory out of a container through the engine's archive API into
     * {@code hostDir} (created when missing). Files are written by this process, so they belong
     * to the invoking user, and this works the same with a remote engine.
     *
     * @return the regular files written, in archive order
     */
    List<Path> copyOut(String containerId, String containerPath, Path hostDir) throws ContainerException;

    /** Copies a host file or directory into {@code containerDir} through the archive API. */
    void copyIn(String containerId, Path hostPath, String containerDir) throws ContainerException;

    /**
     * Copies the tree of a host directory into a container as the directory {@code containerPath} (made,
     * with its parents, where missing) through the archive API: the files as they are when read, owned by
     * root and readable by every user, symbolic links followed. This is how a directory reaches the
     * containers of an engine on another machine, which cannot bind-mount it.
     *
     * @return how many bytes of files were sent
     */
    long copyTreeIn(String containerId, Path hostDir, String containerPath) throws ContainerException;

    /**
     * Whether the engine runs on another machine, so that its containers cannot bind-mount this machine's
     * paths nor reach its loopback ({@link EngineEndpoint#remote} says how that is decided).
     */
    default boolean remote() {
        return false;
    }

    /** Stops and removes a container; a container that is already gone is not an error. */
    void remove(String containerId) throws ContainerException;

    /**
     * Removes every container, running or not, that carries the label {@code key=value}.
     *
     * @return how many were removed
     */
    int removeByLabel(String key, String value) throws ContainerException;

    /** Every container, running or not, that carries the label {@code key}, whatever its value. */
    List<LabelledContainer> listByLabel(String key) throws ContainerException;

    /** Releases the connection. Never throws. */
    @Override
    void close();
}
