package io.xsbuild.git;

import io.xsbuild.cli.Flags;
import io.xsbuild.event.Events;
import io.xsbuild.error.XsbuildException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every description is compared with what {@code git describe --tags --dirty} says of the same repository. */
class DescribeTest {

    @TempDir
    Path tmp;

    private TestRepository repo;

    @BeforeEach
    void init() {
        repo = TestRepository.init(tmp.resolve("repo"));
    }

    private Description describe(DescribeOptions options) throws XsbuildException {
        try (Checkout checkout = new Checkouts(tmp.resolve("cache"), Events.NONE).open(repo.dir().toString(), null)) {
            return checkout.describe(options, checkout.isDirty());
        }
    }

    private String gitDescribe(DescribeOptions options) {
        List<String> args = new ArrayList<>(List.of("describe", "--tags", "--dirty"));
        if (options.match() != null) {
            args.add("--match=" + options.match());
        }
        if (options.always()) {
            args.add("--always");
        }
        return repo.git(args.toArray(String[]::new));
    }

    private Description assertLikeGit(DescribeOptions options) throws XsbuildException {
        Description ours = describe(options);
        assertThat(ours.toString()).isEqualTo(gitDescribe(options));
        return ours;
    }

    private Description assertLikeGit() throws XsbuildException {
        return assertLikeGit(DescribeOptions.DEFAULT);
    }

    @Test
    void exactlyOnAnAnnotatedTag() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("0.10.0");
        Description d = assertLikeGit();
        assertThat(d.exactlyOnTag()).isTrue();
        assertThat(d.tag()).isEqualTo("0.10.0");
    }

    @Test
    void commitsAfterALightweightTag() throws Exception {
        repo.commit("a", "1");
        repo.lightweightTag("v1.0");
        for (int i = 0; i < 8; i++) {
            repo.commit("a", "after " + i);
        }
        Description d = assertLikeGit();
        assertThat(d.tag()).isEqualTo("v1.0");
        assertThat(d.distance()).isEqualTo(8);
        assertThat(d.abbreviatedId()).hasSize(7);
    }

    @Test
    void commitsAfterAnAnnotatedTag() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("0.10.0");
        repo.commit("a", "2");
        repo.commit("b", "3");
        assertThat(assertLikeGit().toString()).matches("0\\.10\\.0-2-g[0-9a-f]{7}");
    }

    @Test
    void noTagIsAnErrorThatSaysWhatToDo() {
        repo.commit("a", "1");
        assertThatThrownBy(() -> describe(DescribeOptions.DEFAULT))
                .isInstanceOf(NoTagException.class)
                .hasMessageContaining("No tag reachable from")
                .hasMessageContaining(repo.dir().toString())
                .satisfies(e -> assertThat(Flags.userMessage((XsbuildException) e)).contains("--always"));
        assertThat(repo.run(null, "describe", "--tags").exit()).isNotZero();
    }

    @Test
    void noTagWithAlwaysIsTheAbbreviatedCommit() throws Exception {
        repo.commit("a", "1");
        repo.commit("a", "2");
        Description d = assertLikeGit(new DescribeOptions(null, true));
        assertThat(d.tag()).isNull();
        assertThat(d.toString()).hasSize(7);
    }

    @Test
    void alwaysStillPrefersATag() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("v2");
        repo.commit("a", "2");
        assertThat(assertLikeGit(new DescribeOptions(null, true)).tag()).isEqualTo("v2");
    }

    @Test
    void aChangedTrackedFileMakesItDirty() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("v1");
        repo.commit("a", "2");
        repo.write("a", "changed");
        Description d = assertLikeGit();
        assertThat(d.dirty()).isTrue();
        assertThat(d.toString()).endsWith("-dirty");
    }

    @Test
    void aStagedChangeMakesItDirtyOnATagToo() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("v1");
        repo.write("new", "staged");
        repo.git("add", "new");
        assertThat(assertLikeGit().toString()).isEqualTo("v1-dirty");
    }

    @Test
    void untrackedFilesDoNotMakeItDirty() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("v1");
        repo.write("untracked.txt", "x");
        assertThat(assertLikeGit().dirty()).isFalse();
    }

    @Test
    void dirtyWithAlwaysAndNoTag() throws Exception {
        repo.commit("a", "1");
        repo.write("a", "changed");
        assertThat(assertLikeGit(new DescribeOptions(null, true)).toString()).endsWith("-dirty");
    }

    @Test
    void matchChoosesAmongTags() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("v1.0");
        repo.commit("a", "2");
        repo.annotatedTag("build-7");
        repo.commit("a", "3");
        assertThat(assertLikeGit(new DescribeOptions("v*", false)).tag()).isEqualTo("v1.0");
        assertThat(assertLikeGit(new DescribeOptions("build-*", false)).tag()).isEqualTo("build-7");
        assertThat(assertLikeGit().tag()).isEqualTo("build-7");
    }

    @Test
    void matchThatNothingPassesIsTheNoTagError() {
        repo.commit("a", "1");
        repo.annotatedTag("v1.0");
        assertThatThrownBy(() -> describe(new DescribeOptions("release-*", false)))
                .isInstanceOf(NoTagException.class)
                .hasMessageContaining("matching 'release-*'");
    }

    @Test
    void anAnnotatedTagWinsOverALightweightOneOnTheSameCommit() throws Exception {
        repo.commit("a", "1");
        repo.lightweightTag("a-light");
        repo.annotatedTag("b-annotated");
        assertThat(assertLikeGit().tag()).isEqualTo("b-annotated");
        repo.commit("a", "2");
        assertThat(assertLikeGit().tag()).isEqualTo("b-annotated");
    }

    @Test
    void theNewestOfSeveralAnnotatedTagsOnOneCommitWins() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("z-old");
        repo.annotatedTag("a-new");
        repo.annotatedTag("m-newest");
        assertThat(assertLikeGit().tag()).isEqualTo("m-newest");
        repo.commit("a", "2");
        assertThat(assertLikeGit().tag()).isEqualTo("m-newest");
    }

    @Test
    void theFirstOfSeveralLightweightTagsOnOneCommitWins() throws Exception {
        repo.commit("a", "1");
        repo.lightweightTag("beta");
        repo.lightweightTag("alpha");
        assertThat(assertLikeGit().tag()).isEqualTo("alpha");
        repo.commit("a", "2");
        assertThat(assertLikeGit().tag()).isEqualTo("alpha");
    }

    @Test
    void matchAppliesToTagsSharingACommit() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("v1.0");
        repo.annotatedTag("zz-later");
        repo.commit("a", "2");
        assertThat(assertLikeGit(new DescribeOptions("v*", false)).tag()).isEqualTo("v1.0");
    }

    @Test
    void tagsOnMergedBranches() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("v1.0");
        repo.git("checkout", "-q", "-b", "feature");
        repo.commit("f", "1");
        repo.annotatedTag("v1.1-rc1");
        repo.commit("f", "2");
        repo.git("checkout", "-q", "main");
        repo.commit("a", "2");
        repo.commit("a", "3");
        repo.tick();
        repo.git("merge", "-q", "--no-ff", "-m", "merge feature", "feature");
        repo.commit("a", "4");
        assertLikeGit();
        repo.git("checkout", "-q", "feature");
        repo.commit("f", "3");
        repo.git("checkout", "-q", "main");
        repo.tick();
        repo.git("merge", "-q", "--no-ff", "-m", "merge feature again", "feature");
        assertLikeGit();
        assertLikeGit(new DescribeOptions("v1.0", false));
    }

    @Test
    void aTagOnTheMainLineNearerThanTheBranchTag() throws Exception {
        repo.commit("a", "1");
        repo.git("checkout", "-q", "-b", "side");
        repo.commit("s", "1");
        repo.lightweightTag("side-1");
        for (int i = 0; i < 5; i++) {
            repo.commit("s", "more " + i);
        }
        repo.git("checkout", "-q", "main");
        repo.commit("a", "2");
        repo.annotatedTag("v2.0");
        repo.commit("a", "3");
        repo.tick();
        repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side");
        assertLikeGit();
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 7, 15})
    void everyCommitOfARandomHistoryWithMergesIsDescribedAsGitDescribesIt(long seed) throws Exception {
        Random random = new Random(seed);
        List<String> branches = new ArrayList<>(List.of("main"));
        List<String> commits = new ArrayList<>();
        String current = "main";
        commits.add(repo.commit("f", "0"));
        for (int step = 0; step < 80; step++) {
            int action = random.nextInt(10);
            if (action < 4) {
                commits.add(repo.commit("f-" + current, "step " + step));
            } else if (action == 4) {
                current = "b" + step;
                repo.git("checkout", "-q", "-b", current);
                branches.add(current);
            } else if (action == 5) {
                current = branches.get(random.nextInt(branches.size()));
                repo.git("checkout", "-q", current);
            } else if (action < 8) {
                String other = branches.get(random.nextInt(branches.size()));
                repo.tick();
                if (repo.run(null, "merge", "-q", "--no-ff", "-m", "merge " + other, other).exit() == 0) {
                    commits.add(repo.git("rev-parse", "HEAD"));
                }
            } else if (action == 8) {
                repo.annotatedTag("a" + step);
            } else {
                repo.lightweightTag("l" + step);
            }
        }
        assertThat(Integer.parseInt(repo.git("rev-list", "--merges", "--all", "--count"))).isGreaterThanOrEqualTo(4);
        for (String commit : commits) {
            repo.git("checkout", "-q", "--detach", commit);
            assertLikeGit(new DescribeOptions(null, true));
            assertLikeGit(new DescribeOptions("a*", true));
        }
    }

    @Test
    void abbreviationGrowsWithThePackedObjectCountAsGitsDoes() throws Exception {
        repo.commit("a", "1");
        repo.annotatedTag("v1.0");
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 17_000; i++) {
            String data = "blob number " + i + "\n";
            stream.append("blob\ndata ").append(data.length()).append('\n').append(data).append('\n');
        }
        TestRepository.Result imported = repo.run(stream.toString().getBytes(StandardCharsets.UTF_8), "fast-import", "--quiet");
        assertThat(imported.exit()).as(imported.error()).isZero();
        repo.commit("a", "2");
        Description d = assertLikeGit();
        assertThat(d.abbreviatedId()).hasSize(8);
        assertThat(assertLikeGit(new DescribeOptions("none-*", true)).abbreviatedId()).hasSize(8);
    }

    @Test
    void anAbbreviationIsExtendedUntilUniqueAsGitsIs() throws Exception {
        repo.git("config", "core.abbrev", "4");
        repo.commit("a", "1");
        repo.annotatedTag("v1.0");
        String head = repo.commit("a", "2");
        repo.run(collidingBlob(head.substring(0, 4)).getBytes(StandardCharsets.UTF_8), "hash-object", "-w", "--stdin");
        Description d = assertLikeGit();
        assertThat(d.abbreviatedId()).hasSizeGreaterThan(4);
        assertThat(assertLikeGit(new DescribeOptions("none-*", true)).abbreviatedId()).hasSizeGreaterThan(4);
    }

    @Test
    void coreAbbrevIsHonoured() throws Exception {
        repo.git("config", "core.abbrev", "12");
        repo.commit("a", "1");
        repo.annotatedTag("v1.0");
        repo.commit("a", "2");
        assertThat(assertLikeGit().abbreviatedId()).hasSize(12);
    }

    /** Blob content whose object id starts with {@code prefix}. */
    private static String collidingBlob(String prefix) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        for (int i = 0; ; i++) {
            String content = "collision " + i + "\n";
            sha1.update(("blob " + content.length() + "\0" + content).getBytes(StandardCharsets.UTF_8));
            if (HexFormat.of().formatHex(sha1.digest()).startsWith(prefix)) {
                return content;
            }
        }
    }
}
