package io.xsbuild.build;

import io.xsbuild.build.output.Artifact;
import io.xsbuild.build.output.DirectorySnapshot;
import io.xsbuild.build.output.PackageResult;
import io.xsbuild.build.output.RebuildReport;
import io.xsbuild.build.source.BuildRequest;
import io.xsbuild.build.source.GitOrigin;
import io.xsbuild.build.source.GitSrpm;
import io.xsbuild.build.source.RpmbuildOptions;
import io.xsbuild.cli.Flags;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.FakeRuntime.Answer;
import io.xsbuild.container.Step;
import io.xsbuild.error.UsageException;
import io.xsbuild.event.Events;
import io.xsbuild.git.NoTagException;
import io.xsbuild.git.TestRepository;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.profile.ProfileCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** xsbuild build's engine on real git repositories against the fake engine: what runs in the container, and how. */
class GitBuildTest {

    private static final List<String> REPRODUCIBLE = List.of("--define", "source_date_epoch_from_changelog 0",
            "--define", "use_source_date_epoch_as_buildtime 1", "--define", "clamp_mtime_to_source_date_epoch 1",
            "--define", "_buildhost xsbuild");

    private final FakeRuntime fake = new FakeRuntime();
    private final FakeBuilds builds = new FakeBuilds(fake);
    private final List<String> said = new ArrayList<>();
    private final Events events = (level, message) -> said.add(message);

    @TempDir
    Path tmp;

    private TestRepository git;
    private RepoRequest repo;
    private Path out;

    @BeforeEach
    void checkout() throws Exception {
        git = GitProjects.tagged(tmp.resolve("xsgit"));
        repo = RepoRequest.of(FakeBuilds.repository(tmp.resolve("repo"), "<repomd/>"));
        out = tmp.resolve("out");
    }

    private RebuildReport build(MakeRequest make, BuildSettings settings) throws Exception {
        return build(BuildRequest.of(git.dir().toString()), make, settings, repo);
    }

    private RebuildReport build(BuildRequest source, MakeRequest make, BuildSettings settings, RepoRequest repository) throws Exception {
        return build("el9", source, make, settings, repository);
    }

    private RebuildReport build(String profile, BuildRequest source, MakeRequest make, BuildSettings settings,
                                RepoRequest repository) throws Exception {
        BuildSetup setup = new BuildSetup(ProfileCatalog.shipped().named(profile), repository, out, settings, null, "unit");
        return new GitBuild(() -> fake, tmp.resolve("cache"), events, Clock.systemUTC())
                .run(new GitBuildRequest(source, make, setup));
    }

    private List<List<String>> argv() {
        return fake.steps.stream().map(FakeBuilds::command).toList();
    }

    private Step step(String... command) {
        return fake.steps.stream().filter(s -> FakeBuilds.command(s).equals(List.of(command))).findFirst().orElseThrow();
    }

    private Step stepStarting(String... command) {
        return fake.steps.stream().filter(s -> FakeBuilds.command(s).subList(0, command.length).equals(List.of(command)))
                .findFirst().orElseThrow();
    }

    private static List<String> concat(List<String> first, List<String> middle, List<String> last) {
        List<String> all = new ArrayList<>(first);
        all.addAll(middle);
        all.addAll(last);
        return all;
    }

    @Test
    void theSourcePackageIsMadeInTheContainerFromTheStampedSpecAndRebuiltWithTheSameEnvironment() throws Exception {
        String describe = git.git("describe", "--tags");
        String release = "1+s0+" + describe.replace('-', '+');
        String srpm = GitSrpm.TOPDIR + "/SRPMS/xsgit-1.0-" + release + ".xs8.src.rpm";
        builds.fromGit("xsgit", "xsgit-1.0-" + release + ".xs8.src.rpm");
        BuildSettings settings = new BuildSettings(new RpmbuildOptions(List.of("dist .xs8"), List.of(), List.of(), false, null),
                false, false, false, false);

        RebuildReport report = build(null, settings);

        assertThat(report.ok()).as(said.toString()).isTrue();
        assertThat(argv()).containsSubsequence(
                List.of("mkdir", "-p", "/var/tmp/xsbuild/git"),
                List.of("chown", "-R", "builder:", "/var/tmp/xsbuild/git"),
                concat(List.of("rpmbuild", "-bs", "--define", "_topdir /var/tmp/xsbuild/git"), REPRODUCIBLE,
                        List.of("--define", "_sourcedir /var/tmp/xsbuild/git/SOURCES",
                                "--define", "dist .xs8", "/var/tmp/xsbuild/git/SPECS/xsgit.spec")),
                List.of("find", "/var/tmp/xsbuild/git/SRPMS", "-maxdepth", "1", "-name", "*.src.rpm"),
                List.of("dnf", "builddep", "-y", "--setopt=install_weak_deps=False", srpm),
                concat(List.of("rpmbuild", "--rebuild", "--define", "_topdir /home/builder/rpmbuild"), REPRODUCIBLE,
                        List.of("--define", "dist .xs8", srpm)));
        String commitTime = git.git("log", "-1", "--format=%ct");
        Step srpmBuild = stepStarting("rpmbuild", "-bs");
        assertThat(srpmBuild.user()).isEqualTo("builder");
        assertThat(srpmBuild.env()).containsEntry("SOURCE_DATE_EPOCH", commitTime)
                .containsEntry("GIT_CEILING_DIRECTORIES", "/var/tmp/xsbuild/git").containsEntry("HOME", "/home/builder");
        Step rebuild = stepStarting("rpmbuild", "--rebuild");
        assertThat(rebuild.user()).isEqualTo("builder");
        assertThat(rebuild.env()).containsEntry("SOURCE_DATE_EPOCH", commitTime)
                .containsEntry("GIT_CEILING_DIRECTORIES", "/home/builder/rpmbuild");
        assertThat(fake.copiedIn).extracting(FakeRuntime.CopyIn::containerDir)
                .containsExactly("/etc/yum.repos.d", "/etc/yum.repos.d", "/var/tmp/xsbuild/git", "/var/tmp/xsbuild/git");
        assertThat(new String(fake.files.get("/var/tmp/xsbuild/git/SPECS/xsgit.spec"), StandardCharsets.ISO_8859_1))
                .contains("Release:        " + release + "%{?dist}\n");
        assertThat(fake.files).containsKey("/var/tmp/xsbuild/git/SOURCES/xsgit-1.0.tar.gz");
        assertThat(fake.disconnected).hasSize(1);
        assertThat(fake.containers).isEmpty();
        assertThat(fake.copiedIn.get(0).host()).as("the prepared top dir is deleted").doesNotExist();

        PackageResult result = report.packages().get(0);
        assertThat(result.git()).isEqualTo(new GitOrigin(git.dir().toString(), git.git("rev-parse", "HEAD"), describe, false,
                "1.0", release + "%{?dist}"));
        assertThat(result.stages()).containsKeys("image", "container", "srpm", "builddep", "rpmbuild", "collect", "remove");
        assertThat(out.resolve("SRPMS/xsgit-1.0-" + release + ".xs8.src.rpm")).exists();
        assertThat(Files.readString(out.resolve("result.json")))
                .contains("\"describe\": \"" + describe + "\"", "\"dirty\": false", "\"release\": \"" + release + "%{?dist}\"");
        assertThat(Files.readString(out.resolve("logs/xsgit/root.log"))).contains("Wrote: " + srpm);
    }

    @Test
    void aSpecThatRpmbuildRefusesFailsTheSrpmStageWithItsErrorInOneLine() throws Exception {
        builds.fromGit("xsgit", "xsgit.src.rpm").srpmFails("error: line 9: Unknown tag: Bogus");
        RebuildReport report = build(null, BuildSettings.DEFAULT);

        PackageResult result = report.packages().get(0);
        assertThat(result.built()).isFalse();
        assertThat(result.failedStage()).isEqualTo("srpm");
        assertThat(result.error()).hasToString("rpmbuild -bs of xsgit.spec failed (exit 1): error: line 9: Unknown tag: Bogus: "
                + "its output is in root.log");
        assertThat(argv()).noneMatch(a -> a.contains("builddep"));
        assertThat(fake.containers).isEmpty();
    }

    @Test
    void untaggedHistoryIsAUsageErrorBeforeAnyContainer() {
        TestRepository untagged = GitProjects.untagged(tmp.resolve("untagged"));

        Throwable thrown = catchThrowable(() -> build(BuildRequest.of(untagged.dir().toString()), null, BuildSettings.DEFAULT, repo));

        assertThat(thrown).isInstanceOf(NoTagException.class)
                .hasMessage("No tag reachable from " + untagged.git("rev-parse", "--short", "HEAD") + " in " + untagged.dir());
        assertThat(fake.started).isEmpty();
    }

    private static final List<String> CHECKOUT = List.of("Makefile\t26\t1700000060.0", "hello.c\t29\t1700000180.0",
            "xsgit.spec\t300\t1700000060.0");

    private static List<String> plus(String... lines) {
        List<String> all = new ArrayList<>(CHECKOUT);
        all.addAll(List.of(lines));
        return all;
    }

    @Test
    void makeRunsInACopyOfTheCheckoutAsTheBuilderAfterThePackagesBuildRequiresAndBringsOutWhatItMade() throws Exception {
        builds.knows("xsdemo-hello");
        builds.listings(CHECKOUT, plus("hello\t16000\t1700000300.5", "obj/hello.o\t1200\t1700000300.1"));
        fake.files.put("/home/builder/artifacts/hello", "binary".getBytes(StandardCharsets.UTF_8));
        fake.files.put("/home/builder/artifacts/obj/hello.o", "object".getBytes(StandardCharsets.UTF_8));

        RebuildReport report = build(new MakeRequest("all", "xsdemo-hello", List.of()), BuildSettings.DEFAULT);

        assertThat(report.ok()).as(said.toString()).isTrue();
        assertThat(argv()).containsSubsequence(
                List.of("chown", "-R", "builder:", "/home/builder/src"),
                List.of("dnf", "download", "--source",
                        "--destdir", "/var/tmp/xsbuild/srpms/xsdemo-hello", "xsdemo-hello"),
                List.of("dnf", "builddep", "-y", "--setopt=install_weak_deps=False", FakeBuilds.srpm("xsdemo-hello")),
                List.of("sh", "-c", DirectorySnapshot.FIND_COMMAND),
                List.of("make", "all"),
                List.of("sh", "-c", DirectorySnapshot.FIND_COMMAND),
                List.of("mkdir", "-p", "/home/builder/artifacts"),
                List.of("cp", "-p", "--parents", "-t", "/home/builder/artifacts", "--", "hello", "obj/hello.o"));
        Step make = step("make", "all");
        assertThat(make.user()).isEqualTo("builder");
        assertThat(make.workingDir()).isEqualTo("/home/builder/src");
        assertThat(make.env()).containsEntry("SOURCE_DATE_EPOCH", git.git("log", "-1", "--format=%ct"))
                .containsEntry("GIT_CEILING_DIRECTORIES", "/home/builder")
                .containsEntry("XSBUILD_GIT_DESCRIBE", git.git("describe", "--tags", "--always", "--dirty"));
        assertThat(fake.copiedIn).extracting(FakeRuntime.CopyIn::containerDir)
                .as("the repository files, then the checkout").containsExactly("/etc/yum.repos.d", "/etc/yum.repos.d", "/home/builder");
        assertThat(fake.files).containsKeys("/home/builder/src/Makefile", "/home/builder/src/hello.c")
                .noneSatisfy((path, content) -> assertThat(path).contains(".git"));
        assertThat(fake.disconnected).hasSize(1);

        PackageResult result = report.packages().get(0);
        assertThat(result.name()).isEqualTo("xsgit");
        assertThat(result.files()).extracting(Artifact::path).containsExactly("artifacts/hello", "artifacts/obj/hello.o");
        assertThat(result.git().describe()).isEqualTo(git.git("describe", "--tags", "--always", "--dirty"));
        assertThat(result.git().release()).isNull();
        assertThat(result.stages()).containsKeys("copy", "builddep", "make", "collect");
        assertThat(out.resolve("artifacts/hello")).hasContent("binary");
        assertThat(fake.containers).isEmpty();
    }

    @Test
    void withoutAPackageMakeInstallsTheBuildRequiresOfTheSpecAndMakesTheDefaultTarget() throws Exception {
        builds.listings(CHECKOUT, plus("hello\t16000\t1700000300.5"));
        fake.files.put("/home/builder/artifacts/hello", new byte[] {1});

        RebuildReport report = build(new MakeRequest(null, null, List.of()), BuildSettings.DEFAULT);

        assertThat(report.ok()).as(said.toString()).isTrue();
        assertThat(argv()).containsSubsequence(
                List.of("dnf", "builddep", "-y", "--setopt=install_weak_deps=False", "/home/builder/src/xsgit.spec"),
                List.of("make"));
    }

    @Test
    void withoutAPackageOrASpecMakeInstallsNothing() throws Exception {
        git.git("rm", "-q", "xsgit.spec");
        git.commitAll("no spec");
        builds.listings(List.of("Makefile\t26\t1700000060.0"), List.of("Makefile\t26\t1700000060.0", "hello\t1\t1700000300.5"));
        fake.files.put("/home/builder/artifacts/hello", new byte[] {1});

        RebuildReport report = build(new MakeRequest(null, null, List.of()), BuildSettings.DEFAULT);

        assertThat(report.ok()).as(said.toString()).isTrue();
        assertThat(argv()).noneMatch(a -> a.contains("builddep"));
        assertThat(Files.readString(out.resolve("logs/xsgit/root.log"))).contains("xsgit names no BuildRequires to install.");
    }

    @Test
    void artifactsGlobsChooseWhatComesOutAndOneMatchingNothingFailsTheBuild() throws Exception {
        builds.listings(CHECKOUT, plus("hello\t16000\t1700000300.5", "obj/hello.o\t1200\t1700000300.1"));
        fake.files.put("/home/builder/artifacts/obj/hello.o", new byte[] {1});
        RebuildReport chosen = build(new MakeRequest(null, null, List.of("*.o")), BuildSettings.DEFAULT);
        assertThat(argv()).contains(List.of("cp", "-p", "--parents", "-t", "/home/builder/artifacts", "--", "obj/hello.o"));
        assertThat(chosen.packages().get(0).files()).extracting(Artifact::path).containsExactly("artifacts/obj/hello.o");

        builds.listings(CHECKOUT, plus("hello\t16000\t1700000300.5"));
        PackageResult none = build(new MakeRequest(null, null, List.of("*.so")), BuildSettings.DEFAULT).packages().get(0);
        assertThat(none.built()).isFalse();
        assertThat(none.failedStage()).isEqualTo("collect");
        assertThat(none.error()).hasToString("No file of xsgit matches artifacts *.so after make");
        assertThat(Flags.words(none.error())).isEqualTo("No file of xsgit matches --artifacts *.so after make");
    }

    @Test
    void aFailingMakeFailsTheBuildWithTheEndOfBuildLog() throws Exception {
        builds.listings(CHECKOUT, CHECKOUT);
        Function<Step, Answer> answers = fake.answers;
        fake.answers = step -> FakeBuilds.command(step).get(0).equals("make")
                ? Answer.fail(2, "cc -o hello hello.c", "hello.c:1: error: expected ';'", "make: *** [all] Error 1")
                : answers.apply(step);

        PackageResult result = build(new MakeRequest(null, null, List.of()), BuildSettings.DEFAULT).packages().get(0);

        assertThat(result.built()).isFalse();
        assertThat(result.failedStage()).isEqualTo("make");
        assertThat(result.error()).hasToString("make in xsgit failed (exit 2): its log: " + out.resolve("logs/xsgit/build.log"));
        assertThat(result.errorTail()).endsWith("make: *** [all] Error 1");
        assertThat(fake.containers).isEmpty();
    }

    @Test
    void aFileNameTheListingCannotCarryFailsTheBuildInsteadOfXsbuild() throws Exception {
        builds.listings(List.of("line", "break\t1\t1700000300.5"), CHECKOUT);

        PackageResult result = build(new MakeRequest(null, null, List.of()), BuildSettings.DEFAULT).packages().get(0);

        assertThat(result.failedStage()).isEqualTo("make");
        assertThat(result.error().toString()).startsWith("Cannot tell what make made in /home/builder/src: not a line of find")
                .endsWith("xsbuild cannot follow file names with tabs or line breaks");
        assertThat(argv()).doesNotContain(List.of("make"));
    }

    @Test
    void aPackageWithoutARepositoryIsAUsageError() {
        Throwable thrown = catchThrowable(() -> build("testbase", BuildRequest.of(git.dir().toString()),
                new MakeRequest(null, "xsdemo-hello", List.of()), BuildSettings.DEFAULT, null));
        assertThat(thrown).isInstanceOf(UsageException.class);
        assertThat(Flags.message((UsageException) thrown))
                .isEqualTo("--package xsdemo-hello needs --repo: its source package comes from it");
        assertThat(fake.started).isEmpty();
    }
}
