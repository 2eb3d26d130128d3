package io.xsbuild.image;

import io.xsbuild.profile.Profile;
import io.xsbuild.profile.ProfileCatalog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileContextTest {

    private static String text(ProfileContext context, String file) {
        return new String(context.files().get(file), StandardCharsets.UTF_8);
    }

    @Test
    void everyProfileHasADockerfileTakingItsBaseAndToolchainTheMacrosAndTheBuilder() throws Exception {
        for (Profile profile : ProfileCatalog.shipped().all()) {
            ProfileContext context = ProfileContext.of(profile);
            assertThat(text(context, "Dockerfile")).as(profile.name())
                    .contains("ARG BASE", "FROM ${BASE}", "ARG TOOLCHAIN", "useradd -m -u 1000", "builder",
                            "COPY xsbuild.macros /etc/rpm/macros.xsbuild");
            assertThat(context.files()).as(profile.name()).doesNotContainKey("profile.properties");
            profile.macros().forEach((name, value) ->
                    assertThat(text(context, "xsbuild.macros")).contains("%" + name + " " + value + "\n"));
        }
    }

    @Test
    void aYumProfileWithoutADockerfileGetsXsbuildsOwnAndItsRepositoryFilesInYumReposD() throws Exception {
        ProfileContext context = ProfileContext.of(ProfileCatalog.shipped().named("xs8"));
        assertThat(context.files()).containsKeys("Dockerfile", "yum.repos.d/centos-vault.repo", "yum.repos.d/epel-archive.repo",
                "xsbuild.macros").doesNotContainKeys("centos-vault.repo");
        assertThat(text(context, "Dockerfile")).contains("COPY yum.repos.d/ /etc/yum.repos.d/", "yum -y");
        assertThat(text(context, "yum.repos.d/centos-vault.repo"))
                .contains("baseurl=http://vault.centos.org/7.9.2009/os/$basearch/", "exclude=ocaml*");
        assertThat(text(context, "xsbuild.macros")).contains("%dist .xs8\n");
    }

    @Test
    void theTestbaseContextLeavesOutWhatMakesItsBaseImage() throws Exception {
        ProfileContext context = ProfileContext.of(ProfileCatalog.shipped().named("testbase"));
        assertThat(context.files().keySet()).containsExactly("Dockerfile", "macros.testbase", "xsbuild.macros",
                "yum.repos.d/xsbuild-profile");
    }
}
