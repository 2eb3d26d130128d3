package io.xsbuild.image;

import io.xsbuild.profile.Profile;
import io.xsbuild.profile.Profiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileContextTest {

    @Test
    void everyProfileHasADockerfileTakingItsBaseAndToolchainAndTheRepositoryDefinition() throws Exception {
        for (Profile profile : Profiles.all()) {
            ProfileContext context = ProfileContext.of(profile);
            String dockerfile = new String(context.files().get("Dockerfile"), StandardCharsets.UTF_8);
            assertThat(dockerfile).as(profile.name())
                    .contains("ARG BASE=" + profile.baseImage(), "FROM ${BASE}", "ARG TOOLCHAIN",
                            "useradd -m -u 1000", "builder", "COPY xsbuild.repo /etc/yum.repos.d/xsbuild.repo");
            assertThat(new String(context.files().get("xsbuild.repo"), StandardCharsets.UTF_8))
                    .contains("baseurl=file:///srv/xsbuild/repo");
        }
    }

    @Test
    void el7BringsTheCentosVaultRepositories() throws Exception {
        ProfileContext context = ProfileContext.of(Profiles.named("el7"));
        assertThat(context.files()).containsKeys("Dockerfile", "centos-vault.repo", "xsbuild.repo");
        assertThat(new String(context.files().get("centos-vault.repo"), StandardCharsets.UTF_8))
                .contains("baseurl=http://vault.centos.org/7.9.2009/os/$basearch/");
    }

    @Test
    void theTestbaseContextLeavesOutWhatMakesItsBaseImage() throws Exception {
        ProfileContext context = ProfileContext.of(Profiles.named("testbase"));
        assertThat(context.files().keySet()).containsExactly("Dockerfile", "macros.testbase", "xsbuild.repo");
    }
}
