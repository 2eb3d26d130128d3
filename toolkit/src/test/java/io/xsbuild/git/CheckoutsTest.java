package io.xsbuild.git;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckoutsTest {

    @TempDir
    Path tmp;

    private TestRepository upstream;
    private Checkouts checkouts;
    private String first;
    private String url;

    @BeforeEach
    void init() {
        upstream = TestRepository.init(tmp.resolve("upstream"));
        first = upstream.commit("src/a.c", "one");
        upstream.annotatedTag("v1.0");
        upstream.git("checkout", "-q", "-b", "stable");
        upstream.commit("src/a.c", "stable");
        upstream.git("checkout", "-q", "main");
        upstream.commit("src/a.c", "two");
        checkouts = new Checkouts(tmp.resolve("cache"), Events.NONE);
        url = upstream.dir().toUri().toString();
    }

    private String checkedOut(String location, String ref) throws XsbuildException {
        try (Checkout c = checkouts.open(location, ref)) {
            return c.commitId();
        }
    }

    @Test
    void aPathOpensTheCheckoutItIsIn() throws Exception {
        try (Checkout c = checkouts.open(upstream.dir().resolve("src").toString(), null)) {
            assertThat(c.workTree()).isEqualTo(upstream.dir().toRealPath());
            assertThat(c.commitId()).isEqualTo(upstream.git("rev-parse", "HEAD"));
            assertThat(c.commitTime()).isEqualTo(Long.parseLong(upstream.git("log", "-1", "--format=%ct")));
            assertThat(c.trackedFiles()).containsExactly("src/a.c");
        }
    }

    @Test
    void aUrlIsClonedIntoTheCacheAtTheRemoteHead() throws Exception {
        try (Checkout c = checkouts.open(url, null)) {
            assertThat(c.commitId()).isEqualTo(upstream.git("rev-parse", "main"));
            assertThat(c.workTree()).isEqualTo(checkouts.cacheDir(url));
            assertThat(Files.readString(c.workTree().resolve("src/a.c"))).isEqualTo("two");
            assertThat(c.isDirty()).isFalse();
            assertThat(c.describe(DescribeOptions.DEFAULT, false).toString()).startsWith("v1.0-1-g");
        }
    }

    @Test
    void aRefIsABranchATagOrACommit() throws Exception {
        assertThat(checkedOut(url, "stable")).isEqualTo(upstream.git("rev-parse", "stable"));
        assertThat(checkedOut(url, "v1.0")).isEqualTo(first);
        assertThat(checkedOut(url, first.substring(0, 10))).isEqualTo(first);
        assertThat(checkedOut(url, "main")).isEqualTo(upstream.git("rev-parse", "main"));
        try (Checkout c = checkouts.open(url, "v1.0")) {
            assertThat(Files.readString(c.workTree().resolve("src/a.c"))).isEqualTo("one");
            assertThat(c.describe(DescribeOptions.DEFAULT, c.isDirty()).toString()).isEqualTo("v1.0");
        }
    }

    @Test
    void aCachedCloneIsFetchedAgainOnUse() throws Exception {
        checkedOut(url, "main");
        String third = upstream.commit("src/a.c", "three");
        upstream.annotatedTag("v2.0");
        assertThat(checkedOut(url, "main")).isEqualTo(third);
        assertThat(checkedOut(url, "v2.0")).isEqualTo(third);
    }

    @Test
    void leftoversInTheCacheAreWipedOnCheckout() throws Exception {
        Path cached;
        try (Checkout c = checkouts.open(url, "main")) {
            cached = c.workTree();
        }
        Files.writeString(cached.resolve("src/a.c"), "edited");
        Files.writeString(cached.resolve("stray.o"), "junk");
        try (Checkout c = checkouts.open(url, "main")) {
            assertThat(c.isDirty()).isFalse();
            assertThat(cached.resolve("stray.o")).doesNotExist();
        }
    }

    @Test
    void aPathWithARefIsBuiltFromACachedCloneLeavingTheCheckoutAlone() throws Exception {
        upstream.write("src/a.c", "work in progress");
        try (Checkout c = checkouts.open(upstream.dir().toString(), "v1.0")) {
            assertThat(c.commitId()).isEqualTo(first);
            assertThat(c.workTree()).isNotEqualTo(upstream.dir());
        }
        assertThat(Files.readString(upstream.dir().resolve("src/a.c"))).isEqualTo("work in progress");
    }

    @Test
    void aLinkedWorkTreeIsACheckout() throws Exception {
        Path linked = tmp.resolve("linked");
        upstream.git("worktree", "add", "-q", "--detach", linked.toString(), "v1.0");
        Files.writeString(linked.resolve("src/a.c"), "changed in the linked work tree");
        try (Checkout c = checkouts.open(linked.toString(), null)) {
            assertThat(c.workTree()).isEqualTo(linked.toRealPath());
            assertThat(c.commitId()).isEqualTo(first);
            assertThat(c.isDirty()).isTrue();
            assertThat(c.describe(DescribeOptions.DEFAULT, true).toString()).isEqualTo("v1.0-dirty");
        }
    }

    @Test
    void anUnknownRefIsOneLineNamingIt() {
        assertThatThrownBy(() -> checkouts.open(url, "no-such-branch"))
                .isInstanceOf(UnknownRefException.class)
                .hasMessage("No branch, tag or commit 'no-such-branch' in " + url)
                .extracting(e -> ((XsbuildException) e).kind()).isEqualTo(XsbuildException.Kind.USAGE);
    }

    @Test
    void aBadUrlIsOneLineAndLeavesNoCacheBehind() {
        String bad = tmp.resolve("nowhere").toUri().toString();
        assertThatThrownBy(() -> checkouts.open(bad, null))
                .isInstanceOf(GitException.class)
                .hasMessageStartingWith("Cannot fetch " + bad)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(checkouts.cacheDir(bad)).doesNotExist();
    }

    @Test
    void aDirectoryOutsideAnyCheckoutIsAUsageError() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> checkouts.open(plain.toString(), null))
                .isInstanceOf(NotACheckoutException.class)
                .hasMessageContaining(plain.toString());
        assertThatThrownBy(() -> checkouts.open(tmp.resolve("missing").toString(), null))
                .isInstanceOf(NotACheckoutException.class)
                .hasMessageContaining("no such file or directory");
    }

    @Test
    void urlsAreToldFromPaths() {
        assertThat(Checkouts.isUrl("https://github.com/xapi-project/xcp-networkd")).isTrue();
        assertThat(Checkouts.isUrl("file:///srv/git/demo.git")).isTrue();
        assertThat(Checkouts.isUrl("git@github.com:xapi-project/xcp-networkd.git")).isTrue();
        assertThat(Checkouts.isUrl("/home/me/src/demo")).isFalse();
        assertThat(Checkouts.isUrl("demo")).isFalse();
        assertThat(Checkouts.isUrl("./a:b")).isFalse();
    }

    @Test
    void theCacheFollowsXdg() {
        assertThat(Checkouts.defaultCacheRoot(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h"))).isEqualTo(Path.of("/x/xsbuild/git"));
        assertThat(Checkouts.defaultCacheRoot(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.cache/xsbuild/git"));
    }

    @Test
    void aCheckoutIsNamedAsItsPathOrUrlEnds() throws XsbuildException {
        assertThat(Map.of("/src/xcp-networkd", "xcp-networkd", "https://example.com/org/xcp-networkd.git", "xcp-networkd",
                "git@example.com:xcp-networkd.git", "xcp-networkd", "file:///srv/git/xapi.git/", "xapi", "/src/xapi/.git", "xapi"))
                .allSatisfy((location, name) -> assertThat(Checkout.nameOf(location)).isEqualTo(name));
        try (Checkout inPlace = checkouts.open(upstream.dir().toString(), null);
             Checkout fetched = checkouts.open(url, "v1.0")) {
            assertThat(inPlace.name()).isEqualTo("upstream");
            assertThat(fetched.name()).isEqualTo("upstream");
        }
    }
}
