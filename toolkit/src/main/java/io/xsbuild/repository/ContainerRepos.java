package io.xsbuild.repository;

import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.EngineEndpoint;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Mount;
import io.xsbuild.container.Step;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.io.Directories;
import io.xsbuild.session.HelperStep;
import io.xsbuild.session.SessionContainer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a run's repositories reach its containers, and what the package manager there is told of them. Local
 * repositories are at {@value #MOUNT_ROOT}ID in every container: mounted read-only from this machine when
 * the engine runs here, copied in through the engine's archive API when it runs on another machine (which
 * cannot mount this machine's paths). Remote ones are read at their URL, and one on this machine's loopback
 * through a {@link LoopbackRelay} on the containers' gateway, which only an engine on this machine can
 * reach. When a container starts, {@code /etc/yum.repos.d} gets {@value #USER_FILE} (the run's
 * repositories, first in priority, in the order given) and the profile's own files again, with
 * {@code enabled} as {@code --enablerepo} and {@code --disablerepo} say and their priorities after the run's.
 */
public final class ContainerRepos implements AutoCloseable {

    /** Where local repositories are in containers, each in the folder named by its id. */
    public static final String MOUNT_ROOT = "/srv/xsbuild/repos/";

    /** The run's repositories' file in {@code /etc/yum.repos.d}. */
    public static final String USER_FILE = "xsbuild.repo";

    public static final String REPOS_DIR = "/etc/yum.repos.d";

    private final RepoSelection selection;
    private final String profile;
    private final List<RepoFile> profileFiles;
    private final Map<String, LoopbackRelay> relays = new LinkedHashMap<>();

    public ContainerRepos(RepoSelection selection, String profile, List<RepoFile> profileFiles) {
        this.selection = selection;
        this.profile = profile;
        this.profileFiles = List.copyOf(profileFiles);
    }

    /**
     * The repositories {@code request} asks for, checked before any container starts, as they reach the
     * containers of a {@code profile} whose own repository files are {@code profileFiles}.
     */
    public static ContainerRepos resolve(RepoRequest request, String profile, List<RepoFile> profileFiles,
                                         io.xsbuild.event.Events events) throws XsbuildException {
        List<String> ids = new ArrayList<>();
        profileFiles.forEach(f -> f.sections().forEach(s -> ids.add(s.id())));
        RepoSelection selection = new RepoResolver(RepoProbe.standard(), events).resolve(request, profile, ids);
        if (!selection.isEmpty()) {
            events.debug("Repositories: " + selection.describe() + (ids.isEmpty() ? "" : ", then the " + profile + " profile's"));
        }
        return new ContainerRepos(selection, profile, profileFiles);
    }

    public RepoSelection selection() {
        return selection;
    }

    /**
     * Mounts each local repository into the container to be started on {@code runtime}, if that engine is on
     * this machine; on another, {@link #apply} copies them in.
     */
    public ContainerSpec.Builder mount(ContainerSpec.Builder spec, ContainerRuntime runtime) {
        if (!runtime.remote()) {
            for (Repository r : selection.repositories()) {
                if (r.local()) {
                    spec.mount(Mount.readOnly(r.dir(), MOUNT_ROOT + r.id()));
                }
            }
        }
        return spec;
    }

    /**
     * Fails when the containers of the engine {@code runtime} cannot reach one of the repositories: one on
     * this machine's loopback, when the engine is on another machine. What a run with several engines checks
     * before it starts.
     */
    public void checkReachable(ContainerRuntime runtime) throws XsbuildException {
        if (!runtime.remote()) {
            return;
        }
        for (Repository r : selection.repositories()) {
            if (!r.local() && loopback(r.url().getHost())) {
                throw unreachable(r, runtime.info().endpoint());
            }
        }
    }

    private static RepositoryException unreachable(Repository r, String engine) {
        return new RepositoryException(Phrase.of("The repository ", r.describe(), " is on this machine's loopback, which the "
                + "containers of the engine ", engine, " cannot reach, as that engine is taken to be on another machine"),
                Phrase.of("serve the repository at an address that machine reaches, or give its directory (",
                        RepoRequest.Field.REPOS, " DIR is copied into each container); ", EngineEndpoint.LOCATION_ENV,
                        "=local if the engine is on this machine"));
    }

    /**
     * Makes the repositories available in a started container: on an engine of another machine, copies each
     * local repository in; then writes the repository files, relaying loopback URLs through its gateway.
     *
     * @return how many bytes of repositories were copied in: 0 when they are mounted, or none is local
     */
    public long apply(SessionContainer container) throws XsbuildException {
        long copied = 0;
        if (container.remote()) {
            for (Repository r : selection.repositories()) {
                if (!r.local() && loopback(r.url().getHost())) {
                    throw unreachable(r, container.engine());
                }
            }
            for (Repository r : selection.repositories()) {
                if (r.local()) {
                    copied += container.copyTreeIn(r.dir(), MOUNT_ROOT + r.id());
                }
            }
        }
        Map<String, String> files = files(r -> baseurl(r, container));
        Path dir;
        try {
            dir = Files.createTempDirectory("xsbuild-repos-");
        } catch (IOException e) {
            throw new FailedException("Cannot make a temporary directory for the repository files: " + e.getMessage(), e);
        }
        try {
            for (var file : files.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                container.copyIn(path, REPOS_DIR);
            }
        } catch (IOException e) {
            throw new FailedException("Cannot write the repository files in " + dir + ": " + e.getMessage(), e);
        } finally {
            Directories.deleteQuietly(dir);
        }
        return copied;
    }

    /**
     * Removes from a container the repositories {@link #apply} copied in (none when they are mounted): what
     * is done before the container is saved as an image, which must not carry them.
     */
    public void removeCopies(SessionContainer container, LineSink log) throws XsbuildException {
        if (container.remote() && selection.repositories().stream().anyMatch(Repository::local)) {
            HelperStep.run(container, Step.of("rm", "-rf", MOUNT_ROOT), log, "Cannot remove the repositories copied in");
        }
    }

    /** A baseurl as the container reads it. */
    private String baseurl(Repository r, SessionContainer container) throws XsbuildException {
        if (r.local()) {
            return "file://" + MOUNT_ROOT + r.id() + "/";
        }
        URI url = r.url();
        if (!loopback(url.getHost())) {
            return url.toString();
        }
        String gateway = container.gateway().orElseThrow(() -> new RepositoryException("The repository " + r.describe()
                + " is on this machine's loopback, and container " + container.shortId() + " has no network to reach it by",
                "serve it on an address the containers reach"));
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        String key = gateway + ">" + port;
        LoopbackRelay relay = relays.get(key);
        if (relay == null) {
            try {
                relay = LoopbackRelay.start(InetAddress.getByName(gateway), new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new RepositoryException("The repository " + r.describe() + " is on this machine's loopback, and the "
                        + "containers' gateway " + gateway + " is no address of this machine (" + e.getMessage() + ")",
                        "with an engine on another machine, give a URL its containers can reach, or the repository's "
                                + "directory (copied into each container)");
            }
            relays.put(key, relay);
        }
        return url.getScheme() + "://" + gateway + ":" + relay.port() + (url.getRawPath() == null ? "/" : url.getRawPath());
    }

    static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    /** A function that may fail, as reaching a repository may. */
    @FunctionalInterface
    interface Baseurl {
        String of(Repository r) throws XsbuildException;
    }

    /**
     * The files {@code /etc/yum.repos.d} gets, by name: {@value #USER_FILE} and each profile file.
     *
     * @param baseurl the baseurl of each of the run's repositories, as the container reads it
     */
    Map<String, String> files(Baseurl baseurl) throws XsbuildException {
        Map<String, String> files = new LinkedHashMap<>();
        List<Repository> repos = selection.repositories();
        StringBuilder user = new StringBuilder("# The repositories given to xsbuild, first in priority in the order given.\n");
        for (int i = 0; i < repos.size(); i++) {
            Repository r = repos.get(i);
            user.append('\n').append('[').append(r.id()).append("]\n")
                    .append("name=xsbuild: ").append(r.given()).append('\n')
                    .append("baseurl=").append(baseurl.of(r)).append('\n')
                    .append("enabled=").append(selection.enabled(r.id(), true) ? 1 : 0).append('\n')
                    .append("priority=").append(i + 1).append('\n')
                    .append("gpgcheck=0\nrepo_gpgcheck=0\nmetadata_expire=0\nskip_if_unavailable=0\n");
        }
        files.put(USER_FILE, user.toString());
        int shift = repos.size();
        for (RepoFile file : profileFiles) {
            RepoFile changed = file.map(s -> s
                    .with("enabled", selection.enabled(s.id(), s.enabled()) ? "1" : "0")
                    .with("priority", Integer.toString(Math.min(RepoFile.DEFAULT_PRIORITY, s.priority() + shift))));
            files.put(file.name(), "# The " + profile + " profile's " + file.name() + ", as xsbuild's run set it.\n"
                    + changed.text());
        }
        return files;
    }

    /** The ids of every repository the container's package manager reads, in priority order. */
    public List<String> enabledIds() {
        List<String> ids = new ArrayList<>();
        selection.repositories().stream().filter(r -> selection.enabled(r.id(), true)).forEach(r -> ids.add(r.id()));
        for (RepoFile f : profileFiles) {
            f.sections().stream().filter(s -> selection.enabled(s.id(), s.enabled())).forEach(s -> ids.add(s.id()));
        }
        return ids;
    }

    /** Stops the relays. */
    @Override
    public void close() {
        relays.values().forEach(LoopbackRelay::close);
        relays.clear();
    }
}
