package io.xsbuild.repository;

import io.xsbuild.cli.Flags;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Mount;
import io.xsbuild.container.Step;
import io.xsbuild.event.Events;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a local repository reaches a container: mounted from an engine on this machine, copied in on another's. */
class ContainerReposDeliveryTest {

    @TempDir
    Path dir;

    private final FakeRuntime runtime = new FakeRuntime();
    private Session session;

    private Path repo() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("current"));
        Files.createDirectories(repo.resolve("repodata"));
        Files.writeString(repo.resolve("repodata/repomd.xml"), "<repomd/>\n");
        Files.writeString(repo.resolve("xsdemo-devel-1.0-1.x86_64.rpm"), "rpm");
        return repo;
    }

    private ContainerRepos repos(Repository... repositories) {
        return new ContainerRepos(new RepoSelection(List.of(repositories), List.of(), List.of()), "testbase", List.of());
    }

    private SessionContainer start(ContainerRepos repos) throws Exception {
        runtime.images.put("env", new ImageInfo("sha256:env", List.of("env"), Map.of(), 1));
        session = Session.open(runtime, "it-delivery", Events.NONE);
        return session.start(repos.mount(ContainerSpec.builder("env"), runtime));
    }

    @AfterEach
    void close() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void onAnEngineOfThisMachineTheDirectoryIsMountedReadOnlyAndNothingIsCopied() throws Exception {
        Path repo = repo();
        ContainerRepos repos = repos(new Repository("xs", repo.toString(), repo, null, "aa"));

        SessionContainer box = start(repos);
        long copied = repos.apply(box);

        assertThat(runtime.started.get(0).mounts()).containsExactly(Mount.readOnly(repo, "/srv/xsbuild/repos/xs"));
        assertThat(copied).isZero();
        assertThat(runtime.copiedIn).extracting(FakeRuntime.CopyIn::containerDir).containsOnly(ContainerRepos.REPOS_DIR);
    }

    @Test
    void onAnEngineOfAnotherMachineItIsCopiedInAtTheSamePathBeforeTheRepositoryFiles() throws Exception {
        runtime.remote = true;
        Path repo = repo();
        ContainerRepos repos = repos(new Repository("xs", repo.toString(), repo, null, "aa"),
                new Repository("far", "https://repo/x/", null, URI.create("https://repo/x/"), "bb"));

        SessionContainer box = start(repos);
        long copied = repos.apply(box);

        assertThat(runtime.started.get(0).mounts()).isEmpty();
        assertThat(runtime.copiedIn.get(0)).isEqualTo(new FakeRuntime.CopyIn(repo, "/srv/xsbuild/repos/xs"));
        assertThat(runtime.copiedIn.subList(1, runtime.copiedIn.size()))
                .extracting(FakeRuntime.CopyIn::containerDir).containsOnly(ContainerRepos.REPOS_DIR);
        assertThat(copied).isEqualTo("<repomd/>\n".length() + "rpm".length());
        assertThat(runtime.files).containsKeys("/srv/xsbuild/repos/xs/repodata/repomd.xml",
                "/srv/xsbuild/repos/xs/xsdemo-devel-1.0-1.x86_64.rpm");
        String file = new String(runtime.files.get(ContainerRepos.REPOS_DIR + "/" + ContainerRepos.USER_FILE));
        assertThat(file).contains("baseurl=file:///srv/xsbuild/repos/xs/\n", "baseurl=https://repo/x/\n");
    }

    @Test
    void aLoopbackUrlIsRefusedOnAnEngineOfAnotherMachineNamingBoth() throws Exception {
        runtime.remote = true;
        ContainerRepos repos = repos(new Repository("xsbuild", "http://127.0.0.1:8000/", null,
                URI.create("http://127.0.0.1:8000/"), "aa"));

        String expected = "The repository xsbuild (http://127.0.0.1:8000/) is on this machine's loopback, which the "
                + "containers of the engine unix:///fake.sock cannot reach, as that engine is taken to be on another machine";
        assertThatThrownBy(() -> repos.checkReachable(runtime)).isInstanceOf(RepositoryException.class).hasMessage(expected);
        SessionContainer box = start(repos);
        assertThatThrownBy(() -> repos.apply(box)).isInstanceOfSatisfying(RepositoryException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(expected);
            assertThat(e.hint()).contains("repos DIR is copied into each container", "XSBUILD_ENGINE_LOCATION=local");
            assertThat(Flags.userMessage(e)).contains("(--repo DIR is copied into each container)");
        });
        assertThat(runtime.copiedIn).isEmpty();
    }

    @Test
    void onAnEngineOfThisMachineALoopbackUrlIsNotRefusedUpFront() throws Exception {
        ContainerRepos repos = repos(new Repository("xsbuild", "http://127.0.0.1:8000/", null,
                URI.create("http://127.0.0.1:8000/"), "aa"));
        repos.checkReachable(runtime);
    }

    @Test
    void theCopiesAreRemovedBeforeAContainerIsSavedAsAnImageAndMountsAreLeftAlone() throws Exception {
        Path repo = repo();
        ContainerRepos repos = repos(new Repository("xs", repo.toString(), repo, null, "aa"));
        SessionContainer mounted = start(repos);
        repos.apply(mounted);
        repos.removeCopies(mounted, LineSink.DISCARD);
        assertThat(runtime.steps).isEmpty();

        runtime.remote = true;
        SessionContainer copied = session.start(repos.mount(ContainerSpec.builder("env"), runtime));
        repos.apply(copied);
        repos.removeCopies(copied, LineSink.DISCARD);
        assertThat(runtime.steps).extracting(Step::argv).containsExactly(List.of("rm", "-rf", ContainerRepos.MOUNT_ROOT));
    }
}
