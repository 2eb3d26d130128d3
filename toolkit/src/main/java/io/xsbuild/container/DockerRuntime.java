package io.xsbuild.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.xsbuild.files.TreeTar;
import io.xsbuild.files.Untar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The container seam on a real Docker engine, through docker-java. The only class in xsbuild that
 * imports {@code com.github.dockerjava}.
 *
 * <p>{@code DOCKER_HOST} (and the other variables docker-java reads) select the engine; the API
 * version is the engine's own, read from its {@code /version} before anything else is sent, so a
 * request never names a version the engine does not speak.
 *
 * <p>Only what talks to the engine is here: the terminal of attached steps is the command line's
 * {@link Terminal}, and the archives copied out are unpacked by {@link Untar}.
 */
public final class DockerRuntime implements ContainerRuntime {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final DockerClient client;
    private final DockerHttpClient http;
    private final EngineInfo info;
    private final Terminal terminal;
    private final boolean remote;
    private EngineInfo withRootDir;

    private DockerRuntime(DockerClient client, DockerHttpClient http, EngineInfo info, Terminal terminal, boolean remote) {
        this.client = client;
        this.http = http;
        this.info = info;
        this.terminal = terminal;
        this.remote = remote;
    }

    /** Connects to the engine {@link EngineEndpoint#choose} finds, with no terminal for attached steps. */
    public static DockerRuntime connect() throws ContainerException {
        return connect(Terminal.NONE);
    }

    /**
     * Connects to the engine that DOCKER_HOST names; without it, to the default Docker socket, or
     * when that is absent to a Podman socket ({@link EngineEndpoint#choose}).
     *
     * @param terminal what steps run attached ({@link #runAttached}) read and write
     */
    public static DockerRuntime connect(Terminal terminal) throws ContainerException {
        String configured = System.getenv("DOCKER_HOST");
        if (configured != null && !configured.isBlank()) {
            checkHost(configured);
        }
        DockerClientConfig base = defaultConfig();
        EngineEndpoint endpoint = EngineEndpoint.choose(System.getenv(), base.getDockerHost().toString(), EngineEndpoint::usable);
        return connect(base, endpoint, terminal);
    }

    /** Connects to the engine at {@code endpoint}, whatever DOCKER_HOST says, with no terminal for attached steps. */
    public static DockerRuntime connect(EngineEndpoint endpoint) throws ContainerException {
        return connect(defaultConfig(), endpoint, Terminal.NONE);
    }

    private static DockerClientConfig defaultConfig() throws EngineUnavailableException {
        try {
            return DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(String.valueOf(System.getenv("DOCKER_HOST")), e);
        }
    }

    private static DockerRuntime connect(DockerClientConfig configured, EngineEndpoint endpoint, Terminal terminal)
            throws ContainerException {
        checkHost(endpoint.uri());
        DockerClientConfig base = endpoint.uri().equals(configured.getDockerHost().toString())
                ? configured : withHost(configured, endpoint.uri());
        boolean remote = EngineEndpoint.remote(endpoint.uri(), System.getenv(EngineEndpoint.LOCATION_ENV), Files::exists);

        // Ask the engine which API it speaks, with an unversioned request every engine accepts.
        Version version;
        DockerHttpClient probeHttp = http(base, PROBE_TIMEOUT);
        try (DockerClient probe = DockerClientImpl.getInstance(withApi(base, RemoteApiVersion.UNKNOWN_VERSION), probeHttp)) {
            version = probe.versionCmd().exec();
        } catch (IOException | RuntimeException e) {
            throw new EngineUnavailableException(endpoint.uri(), endpoint.hint(), e);
        }
        RemoteApiVersion api = negotiate(base.getApiVersion(), version.getApiVersion());

        DockerClientConfig config = withApi(base, api);
        DockerHttpClient http = http(config, null);
        DockerClient client = DockerClientImpl.getInstance(config, http);
        String os = version.getOperatingSystem() + "/" + version.getArch();
        List<String> components = version.getComponents() == null ? List.of()
                : version.getComponents().stream().map(c -> c.getName()).toList();
        return new DockerRuntime(client, http, new EngineInfo(EngineInfo.productOf(components), endpoint.uri(),
                endpoint.reason(), version.getVersion(), api.getVersion(), os, null), Objects.requireNonNull(terminal, "terminal"),
                remote);
    }

    private static DockerClientConfig withHost(DockerClientConfig configured, String host) {
        return DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withApiVersion(configured.getApiVersion())
                .build();
    }

    /**
     * Refuses an engine address docker-java's transport cannot use here: only {@code unix://PATH}
     * and {@code tcp://HOST:PORT} ({@code npipe://} on Windows) connect; anything else would fail
     * deep in the transport, or crash it.
     */
    static void checkHost(String address) throws EngineAddressException {
        String text = address.strip();
        int colon = text.indexOf("://");
        if (colon <= 0) {
            throw new EngineAddressException(address, text.matches("[^/:]+:[0-9]+") ? "no scheme: tcp://" + text
                    + " would name that host and port" : "no scheme");
        }
        String scheme = text.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String rest = text.substring(colon + 3);
        switch (scheme) {
            case "unix" -> {
                if (!rest.startsWith("/") || rest.length() < 2) {
                    throw new EngineAddressException(address, "unix:// needs the socket's absolute path, as unix:///var/run/docker.sock");
                }
            }
            case "tcp" -> {
                URI uri;
                try {
                    uri = new URI("tcp://" + rest);
                } catch (java.net.URISyntaxException e) {
                    throw new EngineAddressException(address, e.getReason());
                }
                if (uri.getHost() == null) {
                    throw new EngineAddressException(address, "tcp:// needs a host, as tcp://build-host:2375");
                }
            }
            case "npipe" -> {
                if (!System.getProperty("os.name", "").startsWith("Windows")) {
                    throw new EngineAddressException(address, "named pipes are Windows' only");
                }
            }
            default -> throw new EngineAddressException(address, "the scheme " + scheme + ":// is not one of unix:// and tcp://");
        }
    }

    /** The engine's API version, lowered to the one asked for in the configuration if that is lower. */
    static RemoteApiVersion negotiate(RemoteApiVersion configured, String engineApi) {
        RemoteApiVersion engine = RemoteApiVersion.parseConfig(engineApi);
        if (configured != null && !RemoteApiVersion.UNKNOWN_VERSION.equals(configured) && engine.isGreater(configured)) {
            return configured;
        }
        return engine;
    }

    private static DockerClientConfig withApi(DockerClientConfig base, RemoteApiVersion api) {
        var builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(base.getDockerHost().toString())
                .withApiVersion(api);
        if (base.getSSLConfig() != null) {
            builder.withCustomSslConfig(base.getSSLConfig());
        }
        return builder.build();
    }

    private static DockerHttpClient http(DockerClientConfig config, Duration responseTimeout) {
        var builder = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT)
                .maxConnections(32);
        if (responseTimeout != null) {
            builder.responseTimeout(responseTimeout);
        }
        return builder.build();
    }

    @Override
    public synchronized EngineInfo info() {
        // The data directory takes a call of its own, which only the disk check needs: made on demand.
        if (withRootDir == null) {
            String rootDir = null;
            try {
                rootDir = client.infoCmd().exec().getDockerRootDir();
            } catch (RuntimeException e) {
                // Not every engine (or proxy) reports it; the disk check then looks elsewhere.
            }
            withRootDir = info.withRootDir(rootDir);
        }
        return withRootDir;
    }

    @Override
    public int cpus() throws ContainerException {
        try {
            Integer n = client.infoCmd().exec().getNCPU();
            return n == null || n < 1 ? ContainerRuntime.super.cpus() : n;
        } catch (RuntimeException e) {
            throw failure("Cannot ask the engine how many processors it has", e);
        }
    }

    @Override
    public Optional<ImageInfo> findImage(String reference) throws ContainerException {
        try {
            InspectImageResponse image = client.inspectImageCmd(reference).exec();
            Map<String, String> labels = image.getConfig() == null || image.getConfig().getLabels() == null
                    ? Map.of() : image.getConfig().getLabels();
            List<String> tags = image.getRepoTags() == null ? List.of() : image.getRepoTags();
            long size = image.getSize() == null ? 0 : image.getSize();
            return Optional.of(new ImageInfo(image.getId(), tags, labels, size));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw failure("Cannot inspect the image " + reference, e);
        }
    }

    @Override
    public String buildImage(ImageBuild build, LineSink output) throws ContainerException {
        Path dockerfile = build.contextDir().resolve(build.dockerfile());
        if (!Files.isRegularFile(dockerfile)) {
            throw new ContainerException("No Dockerfile at " + dockerfile, null);
        }
        List<String> tail = new ArrayList<>();
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    pending.append(item.getStream());
                    int nl;
                    while ((nl = pending.indexOf("\n")) >= 0) {
                        String line = pending.substring(0, nl);
                        pending.delete(0, nl + 1);
                        remember(tail, line);
                        output.line(LineSink.Stream.STDOUT, line);
                    }
                }
                if (item.isErrorIndicated() && item.getError() != null) {
                    remember(tail, item.getError());
                    output.line(LineSink.Stream.STDERR, item.getError().strip());
                }
                super.onNext(item);
            }
        };
        try {
            var cmd = client.buildImageCmd(build.contextDir().toFile())
                    .withDockerfile(dockerfile.toFile())
                    .withTags(new LinkedHashSet<>(build.tags()))
                    .withLabels(build.labels())
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true);
            if (!"default".equals(build.network())) {
                cmd.withNetworkMode(build.network());
            }
            build.buildArgs().forEach(cmd::withBuildArg);
            String shortId = cmd.exec(callback).awaitImageId();
            // The engine reports a short id; callers compare ids, so return the full one.
            return findImage(shortId).map(ImageInfo::id).orElse(shortId);
        } catch (DockerClientException e) {
            String last = tail.isEmpty() ? e.getMessage() : tail.get(tail.size() - 1).strip();
            throw new ContainerException("docker build of " + build.contextDir() + " failed: " + last, null, e);
        } catch (RuntimeException e) {
            throw failure("docker build of " + build.contextDir() + " failed", e);
        }
    }

    private static void remember(List<String> tail, String line) {
        tail.add(line);
        if (tail.size() > 20) {
            tail.remove(0);
        }
    }

    @Override
    public void tagImage(String imageId, String tag) throws ContainerException {
        String[] name = repositoryAndTag(tag);
        try {
            client.tagImageCmd(imageId, name[0], name[1]).withForce(true).exec();
        } catch (RuntimeException e) {
            throw failure("Cannot tag " + imageId + " as " + tag, e);
        }
    }

    /** "registry:5000/repo:tag" as its repository and tag; "latest" when it names none. */
    private static String[] repositoryAndTag(String reference) {
        int colon = reference.lastIndexOf(':');
        boolean hasTag = colon > reference.lastIndexOf('/');
        return hasTag
                ? new String[] {reference.substring(0, colon), reference.substring(colon + 1)}
                : new String[] {reference, "latest"};
    }

    @Override
    public void pullImage(String reference, LineSink output) throws ContainerException {
        try {
            client.pullImageCmd(reference).exec(new PullImageResultCallback() {
                @Override
                public void onNext(PullResponseItem item) {
                    if (item.getStatus() != null && item.getProgressDetail() == null) {
                        output.line(LineSink.Stream.STDOUT, (item.getId() == null ? "" : item.getId() + ": ") + item.getStatus());
                    }
                    super.onNext(item);
                }
            }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("Interrupted while pulling " + reference, e);
        } catch (RuntimeException e) {
            throw failure("Cannot pull " + reference, e);
        }
    }

    @Override
    public void removeImage(String reference) throws ContainerException {
        try {
            client.removeImageCmd(reference).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            throw failure("Cannot remove the image " + reference, e);
        }
    }

    @Override
    public String start(ContainerSpec spec) throws ContainerException {
        List<Bind> binds = new ArrayList<>();
        for (Mount m : spec.mounts()) {
            binds.add(new Bind(m.host().toAbsolutePath().toString(), new Volume(m.container()),
                    m.readOnly() ? AccessMode.ro : AccessMode.rw));
        }
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(binds)
                .withNetworkMode(spec.network())
                .withInit(true);
        List<String> env = new ArrayList<>();
        spec.env().forEach((k, v) -> env.add(k + "=" + v));
        String id = null;
        try {
            CreateContainerCmd create = client.createContainerCmd(spec.image())
                    .withCmd(spec.command())
                    .withEnv(env)
                    .withLabels(spec.labels())
                    .withHostConfig(host);
            if (spec.user() != null) {
                create.withUser(spec.user());
            }
            if (spec.workingDir() != null) {
                create.withWorkingDir(spec.workingDir());
            }
            if (spec.hostname() != null) {
                create.withHostName(spec.hostname());
            }
            id = create.exec().getId();
            client.startContainerCmd(id).exec();
            return id;
        } catch (NotFoundException e) {
            removeQuietly(id);
            throw new ImageMissingException(spec.image(), "build it first (xsbuild doctor says how)");
        } catch (RuntimeException e) {
            removeQuietly(id);
            ContainerException failure = failure("Cannot start a container of " + spec.image(), e);
            String hint = startHint(failure.getMessage());
            throw hint == null ? failure : new ContainerException(failure.getMessage(), hint, e);
        }
    }

    /** What to do about an engine's refusal to start a container, where xsbuild knows (Podman's two). */
    static String startHint(String message) {
        if (message.contains("container-init binary not found")) {
            return "Podman runs catatonit as the container's init: install it (apt-get install -y catatonit)";
        }
        if (message.contains("error setting rlimit") && message.contains("operation not permitted")) {
            return "Podman raises nofile and nproc to 1048576 unless containers.conf sets default_ulimits, and this "
                    + "engine's root may not raise its limits: set them there (README.md, Podman)";
        }
        return null;
    }

    private void removeQuietly(String id) {
        if (id != null) {
            try {
                remove(id);
            } catch (ContainerException ignored) {
                // the failure being reported matters more
            }
        }
    }

    @Override
    public int run(String containerId, Step step, LineSink output) throws ContainerException {
        try {
            String execId = createExec(containerId, step, false, false);
            LineSplitter lines = new LineSplitter(output);
            ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    lines.write(frame.getStreamType() == StreamType.STDERR ? LineSink.Stream.STDERR : LineSink.Stream.STDOUT,
                            frame.getPayload());
                }
            };
            client.execStartCmd(execId).exec(callback).awaitCompletion();
            lines.finish();
            return exitCode(execId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("Interrupted while running " + step.argv().get(0) + " in " + shortId(containerId), e);
        } catch (RuntimeException e) {
            throw failure("Cannot run " + step.argv().get(0) + " in container " + shortId(containerId), e);
        }
    }

    private String createExec(String containerId, Step step, boolean stdin, boolean tty) {
        List<String> env = new ArrayList<>();
        step.env().forEach((k, v) -> env.add(k + "=" + v));
        var exec = client.execCreateCmd(containerId)
                .withCmd(step.argv().toArray(String[]::new))
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withAttachStdin(stdin)
                .withTty(tty)
                .withEnv(env);
        if (step.user() != null) {
            exec.withUser(step.user());
        }
        if (step.workingDir() != null) {
            exec.withWorkingDir(step.workingDir());
        }
        ExecCreateCmdResponse created = exec.exec();
        return created.getId();
    }

    private int exitCode(String execId) {
        // The exec's stream can close a moment before the engine records its exit code.
        for (int attempt = 0; attempt < 100; attempt++) {
            var inspect = client.inspectExecCmd(execId).exec();
            if (!Boolean.TRUE.equals(inspect.isRunning()) && inspect.getExitCodeLong() != null) {
                return inspect.getExitCodeLong().intValue();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        var inspect = client.inspectExecCmd(execId).exec();
        return inspect.getExitCodeLong() == null ? -1 : inspect.getExitCodeLong().intValue();
    }

    @Override
    public int runAttached(String containerId, Step step, boolean tty) throws ContainerException {
        try (Terminal.Attachment attached = terminal.attach(tty)) {
            String execId = createExec(containerId, step, true, tty);
            ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    OutputStream target = frame.getStreamType() == StreamType.STDERR ? attached.err() : attached.out();
                    try {
                        target.write(frame.getPayload());
                        target.flush();
                    } catch (IOException e) {
                        // the terminal went away; the exec ends on its own
                    }
                }
            };
            client.execStartCmd(execId).withTty(tty).withStdIn(attached.in()).exec(callback);
            if (tty && attached.size() != null) {
                // The engine sizes the TTY of an exec once it runs, not before; docker-java takes height first.
                try {
                    client.resizeExecCmd(execId).withSize(attached.size().rows(), attached.size().columns()).exec();
                } catch (RuntimeException ignored) {
                    // best effort: the shell still works at the engine's default size
                }
            }
            callback.awaitCompletion();
            return exitCode(execId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("Interrupted while attached to " + shortId(containerId), e);
        } catch (RuntimeException e) {
            throw failure("Cannot attach to container " + shortId(containerId), e);
        }
    }

    @Override
    public String commit(String containerId, ImageCommit commit) throws ContainerException {
        String[] name = repositoryAndTag(commit.tag());
        try {
            String id = client.commitCmd(containerId)
                    .withRepository(name[0])
                    .withTag(name[1])
                    .withLabels(commit.labels())
                    .withCmd(commit.command().toArray(String[]::new))
                    // Its steps have ended, so nothing writes: no pause, which rootless Podman on
                    // cgroup v1 cannot do (no freezer).
                    .withPause(false)
                    .exec();
            return findImage(id).map(ImageInfo::id).orElse(id);
        } catch (RuntimeException e) {
            throw failure("Cannot save container " + shortId(containerId) + " as " + commit.tag(), e);
        }
    }

    @Override
    public Optional<String> gateway(String containerId) throws ContainerException {
        try {
            var settings = client.inspectContainerCmd(containerId).exec().getNetworkSettings();
            if (settings == null || settings.getNetworks() == null) {
                return Optional.empty();
            }
            return settings.getNetworks().values().stream().map(n -> n.getGateway())
                    .filter(g -> g != null && !g.isBlank()).findFirst();
        } catch (RuntimeException e) {
            throw failure("Cannot inspect the network of container " + shortId(containerId), e);
        }
    }

    @Override
    public void disconnectNetworks(String containerId) throws ContainerException {
        try {
            var settings = client.inspectContainerCmd(containerId).exec().getNetworkSettings();
            if (settings == null || settings.getNetworks() == null) {
                return;
            }
            for (String network : settings.getNetworks().keySet()) {
                client.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(containerId).withForce(true).exec();
            }
        } catch (RuntimeException e) {
            throw failure("Cannot disconnect container " + shortId(containerId) + " from its networks", e);
        }
    }

    @Override
    public List<Path> copyOut(String containerId, String containerPath, Path hostDir) throws ContainerException {
        try (InputStream tar = client.copyArchiveFromContainerCmd(containerId, containerPath).exec()) {
            return Untar.extract(tar, hostDir);
        } catch (NotFoundException e) {
            throw new ContainerException("No " + containerPath + " in container " + shortId(containerId), e);
        } catch (IOException e) {
            throw new ContainerException("Cannot copy " + containerPath + " out of container " + shortId(containerId)
                    + " into " + hostDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw failure("Cannot copy " + containerPath + " out of container " + shortId(containerId), e);
        }
    }

    @Override
    public void copyIn(String containerId, Path hostPath, String containerDir) throws ContainerException {
        try {
            client.copyArchiveToContainerCmd(containerId)
                    .withHostResource(hostPath.toAbsolutePath().toString())
                    .withRemotePath(containerDir)
                    .withNoOverwriteDirNonDir(false)
                    .exec();
        } catch (RuntimeException e) {
            throw failure("Cannot copy " + hostPath + " into container " + shortId(containerId) + ":" + containerDir, e);
        }
    }

    @Override
    public long copyTreeIn(String containerId, Path hostDir, String containerPath) throws ContainerException {
        if (!Files.isDirectory(hostDir)) {
            throw new ContainerException("No directory " + hostDir + " to copy into container " + shortId(containerId), null);
        }
        // The tar is written as it is sent, through a pipe: a repository can be larger than memory or /tmp.
        long[] sent = {0};
        IOException[] failed = {null};
        try (PipedInputStream in = new PipedInputStream(1 << 16)) {
            PipedOutputStream pipe = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (pipe) {
                    sent[0] = TreeTar.write(hostDir, containerPath, pipe);
                } catch (IOException e) {
                    failed[0] = e;
                }
            }, "xsbuild-copy-in");
            writer.setDaemon(true);
            writer.start();
            try {
                client.copyArchiveToContainerCmd(containerId)
                        .withTarInputStream(in)
                        .withRemotePath("/")
                        .withNoOverwriteDirNonDir(false)
                        .exec();
            } finally {
                in.close();
                writer.join();
            }
            if (failed[0] != null) {
                throw failed[0];
            }
            return sent[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("Interrupted while copying " + hostDir + " into container " + shortId(containerId), e);
        } catch (IOException e) {
            throw new ContainerException("Cannot copy " + hostDir + " into container " + shortId(containerId) + ":"
                    + containerPath + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw failure("Cannot copy " + hostDir + " into container " + shortId(containerId) + ":" + containerPath, e);
        }
    }

    @Override
    public boolean remote() {
        return remote;
    }

    @Override
    public void remove(String containerId) throws ContainerException {
        try {
            client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().contains("is already in progress")) {
                return;
            }
            throw failure("Cannot remove container " + shortId(containerId), e);
        }
    }

    @Override
    public int removeByLabel(String key, String value) throws ContainerException {
        List<Container> found;
        try {
            found = client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(key, value)).exec();
        } catch (RuntimeException e) {
            throw failure("Cannot list containers labelled " + key + "=" + value, e);
        }
        for (Container c : found) {
            remove(c.getId());
        }
        return found.size();
    }

    @Override
    public List<LabelledContainer> listByLabel(String key) throws ContainerException {
        List<Container> found;
        try {
            found = client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(key)).exec();
        } catch (RuntimeException e) {
            throw failure("Cannot list containers labelled " + key, e);
        }
        List<LabelledContainer> list = new ArrayList<>();
        for (Container c : found) {
            list.add(new LabelledContainer(c.getId(), c.getLabels() == null ? Map.of() : c.getLabels(),
                    c.getState() == null ? "" : c.getState()));
        }
        return list;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing to do about it
        }
        try {
            http.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing to do about it
        }
    }

    private ContainerException failure(String what, RuntimeException e) {
        if (e instanceof DockerException de) {
            return new ContainerException(what + ": " + engineMessage(de), e);
        }
        // A transport error: the engine went away (or never answered).
        return new EngineUnavailableException(info == null ? "the configured DOCKER_HOST" : info.endpoint(), e);
    }

    static String engineMessage(DockerException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // docker-java prefixes "Status 404: {"message":"..."}"; keep the message only, its escapes
        // undone (Podman's quote names: "pausing container \"1d01...\" to commit").
        int i = msg.indexOf("\"message\":\"");
        if (i >= 0) {
            StringBuilder text = new StringBuilder();
            for (int k = i + 11; k < msg.length(); k++) {
                char c = msg.charAt(k);
                if (c == '"') {
                    return text.toString();
                }
                if (c == '\\' && k + 1 < msg.length()) {
                    char next = msg.charAt(++k);
                    text.append(next == 'n' || next == 't' ? ' ' : next);
                } else {
                    text.append(c);
                }
            }
        }
        return msg.strip();
    }

    static String shortId(String id) {
        return id == null ? "?" : id.length() > 12 ? id.substring(0, 12) : id;
    }
}
