package io.xsbuild.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A hand-written container runtime for unit tests: it records what it is asked to do and answers
 * steps from a script. Only unit tests use it; integration tests use {@link DockerRuntime}.
 */
public class FakeRuntime implements ContainerRuntime {

    /** What a step answers: its output lines and exit code. */
    public record Answer(int exitCode, List<String> lines) {
        public static Answer ok(String... lines) {
            return new Answer(0, List.of(lines));
        }

        public static Answer fail(int code, String... lines) {
            return new Answer(code, List.of(lines));
        }
    }

    /** A host file or directory copied into a container directory. */
    public record CopyIn(Path host, String containerDir) {
    }

    public final EngineInfo engine = new EngineInfo(EngineInfo.DOCKER, "unix:///fake.sock", "DOCKER_HOST", "20.10.24", "1.41", "linux/amd64", null);
    public final Map<String, ImageInfo> images = new LinkedHashMap<>();
    public final List<ImageBuild> builds = new ArrayList<>();
    /** The containers not removed yet, by id. */
    public final Map<String, ContainerSpec> containers = new LinkedHashMap<>();
    /** Every container started, in order, removed or not. */
    public final List<ContainerSpec> started = new ArrayList<>();
    public final List<Step> steps = new ArrayList<>();
    /** The steps run attached to the terminal, also in {@link #steps}. */
    public final List<Step> attached = new ArrayList<>();
    public final List<ImageCommit> commits = new ArrayList<>();
    public final List<String> disconnected = new ArrayList<>();
    public final List<String> removed = new ArrayList<>();
    /** What was copied into containers, in order. */
    public final List<CopyIn> copiedIn = new ArrayList<>();
    /** Files a container "holds", by path, for copyOut. */
    public final Map<String, byte[]> files = new HashMap<>();
    public Function<Step, Answer> answers = step -> Answer.ok();
    public boolean closed;
    /** Whether it plays an engine on another machine, which cannot bind-mount this one's paths. */
    public boolean remote;
    private int next;

    @Override
    public EngineInfo info() {
        return engine;
    }

    @Override
    public Optional<ImageInfo> findImage(String reference) {
        return Optional.ofNullable(images.get(reference));
    }

    @Override
    public String buildImage(ImageBuild build, LineSink output) {
        builds.add(build);
        String id = "sha256:fake" + (++next);
        ImageInfo info = new ImageInfo(id, build.tags(), build.labels(), 1);
        images.put(id, info);
        build.tags().forEach(t -> images.put(t, info));
        output.line(LineSink.Stream.STDOUT, "Successfully built " + id);
        return id;
    }

    @Override
    public void tagImage(String imageId, String tag) {
        images.put(tag, images.get(imageId));
    }

    /** Images a pull can bring, by reference; any other pull fails as a registry that does not answer would. */
    public final Map<String, ImageInfo> registry = new LinkedHashMap<>();
    public final List<String> pulled = new ArrayList<>();

    @Override
    public void pullImage(String reference, LineSink output) throws ContainerException {
        pulled.add(reference);
        ImageInfo image = registry.get(reference);
        if (image == null) {
            throw new ContainerException("Cannot pull " + reference + ": no registry answers", null);
        }
        images.put(reference, image);
    }

    @Override
    public void removeImage(String reference) {
        images.remove(reference);
    }

    @Override
    public String start(ContainerSpec spec) throws ContainerException {
        if (!images.containsKey(spec.image())) {
            throw new ImageMissingException(spec.image(), "build it first");
        }
        String id = "container" + (++next);
        containers.put(id, spec);
        started.add(spec);
        return id;
    }

    @Override
    public int run(String containerId, Step step, LineSink output) {
        steps.add(step);
        Answer answer = answers.apply(step);
        answer.lines().forEach(l -> output.line(LineSink.Stream.STDOUT, l));
        return answer.exitCode();
    }

    @Override
    public int runAttached(String containerId, Step step, boolean tty) {
        steps.add(step);
        attached.add(step);
        return answers.apply(step).exitCode();
    }

    @Override
    public String commit(String containerId, ImageCommit commit) {
        commits.add(commit);
        String id = "sha256:fake" + (++next);
        Map<String, String> labels = new LinkedHashMap<>(containers.get(containerId).labels());
        labels.putAll(commit.labels());
        ImageInfo info = new ImageInfo(id, List.of(commit.tag()), labels, 1);
        images.put(id, info);
        images.put(commit.tag(), info);
        return id;
    }

    @Override
    public Optional<String> gateway(String containerId) {
        return disconnected.contains(containerId) ? Optional.empty() : Optional.of("172.17.0.1");
    }

    @Override
    public void disconnectNetworks(String containerId) {
        disconnected.add(containerId);
    }

    @Override
    public List<Path> copyOut(String containerId, String containerPath, Path hostDir) throws ContainerException {
        List<Path> written = new ArrayList<>();
        String prefix = containerPath.endsWith("/") ? containerPath : containerPath + "/";
        String base = containerPath.substring(containerPath.lastIndexOf('/', containerPath.length() - 2) + 1);
        try {
            for (var e : files.entrySet()) {
                String rel;
                if (e.getKey().equals(containerPath)) {
                    rel = base;
                } else if (e.getKey().startsWith(prefix)) {
                    rel = base.replaceAll("/$", "") + "/" + e.getKey().substring(prefix.length());
                } else {
                    continue;
                }
                Path target = hostDir.resolve(rel);
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
                written.add(target);
            }
        } catch (java.io.IOException e) {
            throw new ContainerException("fake copyOut failed", e);
        }
        if (written.isEmpty()) {
            throw new ContainerException("No " + containerPath + " in container " + containerId, null);
        }
        return written;
    }

    /**
     * Puts the host file, or every regular file below the host directory, in {@link #files} where the
     * engine's archive API would: below {@code containerDir}, under the host path's own name.
     */
    @Override
    public void copyIn(String containerId, Path hostPath, String containerDir) throws ContainerException {
        copiedIn.add(new CopyIn(hostPath, containerDir));
        try (var walk = Files.walk(hostPath)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = hostPath.getParent().relativize(file).toString();
                files.put(containerDir + "/" + relative, Files.readAllBytes(file));
            }
        } catch (java.io.IOException e) {
            throw new ContainerException("fake copyIn failed", e);
        }
    }

    /** Puts every regular file below the host directory in {@link #files}, below {@code containerPath}. */
    @Override
    public long copyTreeIn(String containerId, Path hostDir, String containerPath) throws ContainerException {
        copiedIn.add(new CopyIn(hostDir, containerPath));
        long bytes = 0;
        try (var walk = Files.walk(hostDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                files.put(containerPath + "/" + hostDir.relativize(file), content);
                bytes += content.length;
            }
        } catch (java.io.IOException e) {
            throw new ContainerException("fake copyTreeIn failed", e);
        }
        return bytes;
    }

    @Override
    public boolean remote() {
        return remote;
    }

    @Override
    public void remove(String containerId) {
        containers.remove(containerId);
        removed.add(containerId);
    }

    @Override
    public int removeByLabel(String key, String value) {
        List<String> ids = containers.entrySet().stream()
                .filter(e -> value.equals(e.getValue().labels().get(key)))
                .map(Map.Entry::getKey).toList();
        ids.forEach(this::remove);
        return ids.size();
    }

    @Override
    public List<LabelledContainer> listByLabel(String key) {
        return containers.entrySet().stream().filter(e -> e.getValue().labels().containsKey(key))
                .map(e -> new LabelledContainer(e.getKey(), e.getValue().labels(), "running")).toList();
    }

    @Override
    public void close() {
        closed = true;
    }
}
