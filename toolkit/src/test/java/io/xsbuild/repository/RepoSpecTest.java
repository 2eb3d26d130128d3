package io.xsbuild.repository;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepoSpecTest {

    @Test
    void aNameComesBeforeTheFirstEqualsSignWhenItCanBeAnId() {
        assertThat(RepoSpec.parse("xs=https://repo.example/xs8/")).isEqualTo(new RepoSpec("xs", "https://repo.example/xs8/"));
        assertThat(RepoSpec.parse("local=/srv/repo")).isEqualTo(new RepoSpec("local", "/srv/repo"));
        assertThat(RepoSpec.parse("/srv/xs/current")).isEqualTo(new RepoSpec(null, "/srv/xs/current"));
        assertThat(RepoSpec.parse("http://h/x?a=b")).isEqualTo(new RepoSpec(null, "http://h/x?a=b"));
        assertThat(RepoSpec.parse("./a=b")).isEqualTo(new RepoSpec(null, "./a=b"));
    }

    @Test
    void urlsAreToldFromDirectories() {
        assertThat(RepoSpec.parse("https://x/").isUrl()).isTrue();
        assertThat(RepoSpec.parse("file:///srv/r").isUrl()).isTrue();
        assertThat(RepoSpec.parse("repo").isUrl()).isFalse();
    }
}
