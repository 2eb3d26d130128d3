package io.xsbuild.repository;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What /etc/yum.repos.d of a build container says: priorities, switches, and the profile's files. */
class ContainerReposTest {

    private static final RepoFile PROFILE = RepoFile.parse("xcp-ng.repo", """
            [xcp-ng-base]
            baseurl=https://mirrors.xcp-ng.org/8/8.3/base/x86_64/
            priority=1

            [xcp-ng-testing]
            baseurl=https://mirrors.xcp-ng.org/8/8.3/testing/x86_64/
            enabled=0
            priority=1
            """);
    private static final RepoFile CENTOS = RepoFile.parse("centos.repo", "[base]\nbaseurl=http://vault/\nexclude=ocaml*\n");

    private static Repository local(String id, String dir) {
        return new Repository(id, dir, Path.of(dir), null, "aa");
    }

    private static Map<String, String> files(RepoSelection selection) throws Exception {
        return new ContainerRepos(selection, "xcpng-8.3", List.of(PROFILE, CENTOS)).files(r ->
                r.local() ? "file://" + ContainerRepos.MOUNT_ROOT + r.id() + "/" : r.url().toString());
    }

    @Test
    void theRunsRepositoriesComeFirstInTheOrderGivenThenTheProfilesKeepingTheirOrder() throws Exception {
        RepoSelection selection = new RepoSelection(List.of(local("xsbuild-local", "/l"),
                new Repository("xsbuild", "https://r/x", null, URI.create("https://r/x/"), "bb")), List.of(), List.of());
        Map<String, String> files = files(selection);
        assertThat(files).containsOnlyKeys("xsbuild.repo", "xcp-ng.repo", "centos.repo");
        RepoFile user = RepoFile.parse("xsbuild.repo", files.get("xsbuild.repo"));
        assertThat(user.sections()).extracting(RepoFile.Section::id).containsExactly("xsbuild-local", "xsbuild");
        assertThat(user.sections()).extracting(RepoFile.Section::priority).containsExactly(1, 2);
        assertThat(user.sections().get(0).options()).containsEntry("baseurl", "file:///srv/xsbuild/repos/xsbuild-local/")
                .containsEntry("gpgcheck", "0").containsEntry("skip_if_unavailable", "0");
        assertThat(user.sections().get(1).options()).containsEntry("baseurl", "https://r/x/");
        RepoFile xcpng = RepoFile.parse("xcp-ng.repo", files.get("xcp-ng.repo"));
        assertThat(xcpng.sections()).extracting(RepoFile.Section::priority).containsExactly(3, 3);
        RepoFile centos = RepoFile.parse("centos.repo", files.get("centos.repo"));
        assertThat(centos.sections().get(0).priority()).isEqualTo(RepoFile.DEFAULT_PRIORITY);
        assertThat(centos.sections().get(0).options()).containsEntry("exclude", "ocaml*");
    }

    @Test
    void disableThenEnableSwitchRepositoriesByIdOrGlob() throws Exception {
        RepoSelection selection = new RepoSelection(List.of(local("xsbuild", "/r")), List.of("xcp-ng-testing"), List.of("*"));
        Map<String, String> files = files(selection);
        assertThat(RepoFile.parse("a", files.get("xsbuild.repo")).sections().get(0).enabled()).isFalse();
        RepoFile xcpng = RepoFile.parse("a", files.get("xcp-ng.repo"));
        assertThat(xcpng.sections()).extracting(RepoFile.Section::enabled).containsExactly(false, true);
        assertThat(new ContainerRepos(selection, "p", List.of(PROFILE, CENTOS)).enabledIds()).containsExactly("xcp-ng-testing");
    }

    @Test
    void withoutRepositoriesTheFileIsStillWrittenSoAnImagesOldOneGoes() throws Exception {
        Map<String, String> files = files(RepoSelection.NONE);
        assertThat(RepoFile.parse("a", files.get("xsbuild.repo")).sections()).isEmpty();
        assertThat(RepoFile.parse("a", files.get("xcp-ng.repo")).sections().get(0).priority()).isEqualTo(1);
    }

    @Test
    void loopbackHostsAreKnown() {
        assertThat(ContainerRepos.loopback("127.0.0.1")).isTrue();
        assertThat(ContainerRepos.loopback("localhost")).isTrue();
        assertThat(ContainerRepos.loopback("[::1]")).isTrue();
        assertThat(ContainerRepos.loopback("10.0.0.1")).isFalse();
        assertThat(ContainerRepos.loopback("repo.example")).isFalse();
    }
}
