package io.xsbuild.build;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.build.output.Artifact;
import io.xsbuild.build.output.PackageResult;
import io.xsbuild.build.output.RebuildReport;
import io.xsbuild.build.source.HostSrpm;
import io.xsbuild.build.source.RepoSrpm;
import io.xsbuild.build.source.RpmbuildOptions;
import io.xsbuild.build.source.SrpmSource;
import io.xsbuild.session.BuilderStep;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.Labels;
import io.xsbuild.container.Step;
import io.xsbuild.event.Events;
import io.xsbuild.image.EnvImages;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.profile.Profile;
import io.xsbuild.profile.ProfileCatalog;
import io.xsbuild.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A rebuild's stages, step by step, against the fake engine. */
class RebuildTest {

    private final FakeRuntime fake = new FakeRuntime();
    private final FakeBuilds builds = new FakeBuilds(fake);
    private final List<String> said = new ArrayList<>();
    private final Events events = (level, message) -> said.add(message);

    @TempDir
    Path tmp;

    private Path repoDir;
    private RepoRequest repo;
    private Path out;

    @BeforeEach
    void repository() throws Exception {
        repoDir = FakeBuilds.repository(tmp.resolve("repo"), "<repomd/>");
        repo = RepoRequest.of(repoDir);
        out = tmp.resolve("out");
    }

    private RebuildReport rebuild(String profile, BuildSettings settings, String... names) throws Exception {
        List<SrpmSource> sources = new ArrayList<>();
        for (String name : names) {
            sources.add(new RepoSrpm(name));
        }
        return rebuild(ProfileCatalog.shipped().named(profile), sources, settings);
    }

    private RebuildReport rebuild(Profile profile, List<SrpmSource> sources, BuildSettings settings) throws Exception {
        RebuildRequest request = new RebuildRequest(new BuildSetup(profile, repo, out, settings, null, "unit"), sources);
        return new Rebuild(() -> fake, events, Clock.systemUTC()).run(request);
    }

    /** The commands run, in order, without the wrapper that line-buffers rpmbuild's output. */
    private List<List<String>> argv() {
        return fake.steps.stream().map(FakeBuilds::command).toList();
    }

    @Test
    void el9FetchesWithDnfInstallsWithBuilddepAndRebuildsAsTheBuilderWithTheNetworkCut() throws Exception {
        builds.knows("xapi");
        RebuildReport report = rebuild("el9", BuildSettings.DEFAULT, "xapi");

        assertThat(report.ok()).isTrue();
        assertThat(argv()).containsSubsequence(
                List.of("dnf", "download", "--source",
                        "--destdir", "/var/tmp/xsbuild/srpms/xapi", "xapi"),
                List.of("find", "/var/tmp/xsbuild/srpms/xapi", "-maxdepth", "1", "-name", "*.src.rpm"),
                List.of("dnf", "builddep", "-y", "--setopt=install_weak_deps=False", FakeBuilds.srpm("xapi")),
                List.of("rpmbuild", "--rebuild", "--define", "_topdir /home/builder/rpmbuild", FakeBuilds.srpm("xapi")));
        Step rpmbuild = fake.steps.stream().filter(s -> FakeBuilds.command(s).get(0).equals("rpmbuild")).findFirst().orElseThrow();
        assertThat(rpmbuild.argv()).startsWith("sh", "-c", BuilderStep.LINE_BUFFERED, "line-buffered", "rpmbuild");
        Step builddep = fake.steps.stream().filter(s -> s.argv().contains("builddep")).findFirst().orElseThrow();
        assertThat(rpmbuild.user()).isEqualTo("builder");
        assertThat(builddep.user()).isEqualTo("root");
        assertThat(fake.disconnected).hasSize(1);
        assertThat(fake.started.get(0).mounts()).singleElement()
                .satisfies(m -> assertThat(m.container()).isEqualTo("/srv/xsbuild/repos/xsbuild"))
                .satisfies(m -> assertThat(m.readOnly()).isTrue());
    }

    @Test
    void el7FetchesWithYumdownloaderAndInstallsWithYumBuilddep() throws Exception {
        builds.knows("xcp-networkd");
        RebuildReport report = rebuild("el7", BuildSettings.DEFAULT, "xcp-networkd");

        assertThat(report.ok()).isTrue();
        assertThat(argv()).containsSubsequence(
                List.of("yumdownloader", "--source",
                        "--destdir", "/var/tmp/xsbuild/srpms/xcp-networkd", "xcp-networkd"),
                List.of("yum-builddep", "-y", FakeBuilds.srpm("xcp-networkd")),
                List.of("rpmbuild", "--rebuild", "--define", "_topdir /home/builder/rpmbuild", FakeBuilds.srpm("xcp-networkd")));
    }

    @Test
    void theNetworkIsCutOnlyAfterTheBuildRequiresAreInstalled() throws Exception {
        builds.knows("xapi");
        List<String> order = new ArrayList<>();
        var answers = fake.answers;
        fake.answers = step -> {
            order.add(FakeBuilds.command(step).get(0) + (fake.disconnected.isEmpty() ? " online" : " offline"));
            return answers.apply(step);
        };
        rebuild("el9", BuildSettings.DEFAULT, "xapi");
        assertThat(order).contains("dnf online", "rpmbuild offline");
    }

    @Test
    void withNetworkTheContainerKeepsIt() throws Exception {
        builds.knows("xapi");
        rebuild("el9", new BuildSettings(RpmbuildOptions.NONE, true, false, false, false), "xapi");
        assertThat(fake.disconnected).isEmpty();
    }

    @Test
    void rpmbuildGetsTheMacrosConditionalsAndTarget() throws Exception {
        builds.knows("xapi");
        RpmbuildOptions options = new RpmbuildOptions(List.of("dist .el7.centos", "debug_package %{nil}"),
                List.of("ocaml"), List.of("tests"), true, "x86_64");
        rebuild("el9", new BuildSettings(options, false, false, false, false), "xapi");
        assertThat(argv()).contains(List.of("rpmbuild", "--rebuild", "--define", "_topdir /home/builder/rpmbuild",
                "--define", "dist .el7.centos", "--define", "debug_package %{nil}", "--with", "ocaml",
                "--without", "tests", "--nocheck", "--target", "x86_64", FakeBuilds.srpm("xapi")));
    }

    @Test
    void theOutputsAreInPlaceWithTheirChecksumsAndResultJsonSaysSo() throws Exception {
        builds.knows("xapi");
        RebuildReport report = rebuild("el9", BuildSettings.DEFAULT, "xapi");

        PackageResult xapi = report.packages().get(0);
        Path rpm = out.resolve("RPMS/x86_64/xapi-1.0-1.x86_64.rpm");
        assertThat(rpm).hasBinaryContent(FakeBuilds.rpmBytes("xapi"));
        assertThat(out.resolve("SRPMS/xapi-1.0-1.src.rpm")).hasBinaryContent(FakeBuilds.srpmBytes("xapi"));
        assertThat(xapi.rpms()).containsExactly(new Artifact("RPMS/x86_64/xapi-1.0-1.x86_64.rpm", "xapi-1.0-1.x86_64",
                ChecksumType.SHA256.hex(rpm), Files.size(rpm)));
        assertThat(xapi.srpm().nevra()).isEqualTo("xapi-1.0-1.src");
        assertThat(xapi.stages().keySet()).containsExactly("image", "container", "fetch", "builddep", "rpmbuild", "collect",
                "remove");
        assertThat(xapi.imageId()).startsWith("sha256:");
        assertThat(out.resolve("logs/xapi")).isDirectoryContaining("glob:**/state.log")
                .isDirectoryContaining("glob:**/root.log").isDirectoryContaining("glob:**/build.log");
        assertThat(Files.readString(out.resolve("logs/xapi/state.log")))
                .contains("Start: fetch", "Finish: builddep", "network: cut, rpmbuild sees only lo", "Finish: collect");
        assertThat(Files.readString(out.resolve("logs/xapi/build.log"))).contains("Wrote: RPMS/x86_64/xapi-1.0-1.x86_64.rpm");
        assertThat(Files.readString(out.resolve("result.json")))
                .contains("\"ok\": true", "\"nevra\": \"xapi-1.0-1.x86_64\"", "\"sha256\": \"" + ChecksumType.SHA256.hex(rpm) + "\"");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no staging or temporary files left")
                    .containsExactlyInAnyOrder("RPMS", "SRPMS", "logs", "result.json");
        }
    }

    @Test
    void noContainerOfTheSessionIsLeftAndTheConnectionIsClosed() throws Exception {
        builds.knows("xapi").failing("broken");
        rebuild("el9", BuildSettings.DEFAULT, "xapi", "broken", "nosuch");
        assertThat(fake.started).hasSize(3).allSatisfy(s -> assertThat(s.labels()).containsEntry(Labels.SESSION, "unit"));
        assertThat(fake.containers).isEmpty();
        assertThat(fake.closed).isTrue();
    }

    @Test
    void aFailedBuildIsAResultWithTheEndOfItsLogAndTheOthersStillBuild() throws Exception {
        builds.knows("xapi").failing("broken");
        RebuildReport report = rebuild("el9", BuildSettings.DEFAULT, "broken", "xapi");

        assertThat(report.ok()).isFalse();
        PackageResult broken = report.packages().get(0);
        assertThat(broken.status()).isEqualTo(PackageResult.Status.FAILED);
        assertThat(broken.failedStage()).isEqualTo("rpmbuild");
        assertThat(broken.error().toString()).startsWith("rpmbuild of broken-1.0-1.src.rpm failed (exit 1)")
                .contains(out.resolve("logs/broken/build.log").toString());
        assertThat(broken.errorTail()).endsWith("error: Bad exit status from /var/tmp/rpm-tmp.1 (%build)");
        assertThat(Files.readString(out.resolve("logs/broken/build.log"))).contains("make: *** [all] Error 2");
        assertThat(Files.readString(out.resolve("logs/broken/state.log"))).contains("Failed: rpmbuild");
        assertThat(report.packages().get(1).built()).isTrue();
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"ok\": false", "\"failedStage\": \"rpmbuild\"");
    }

    @Test
    void anUnknownPackageFailsAtFetchNamingItAndTheRepository() throws Exception {
        RebuildReport report = rebuild("el9", BuildSettings.DEFAULT, "nosuch");
        PackageResult nosuch = report.packages().get(0);
        assertThat(nosuch.failedStage()).isEqualTo("fetch");
        assertThat(nosuch.error()).hasToString("No source package 'nosuch' in the repositories of this run"
                + ": the package manager said \"Error: No package nosuch available.\"");
        assertThat(argv()).noneMatch(a -> a.get(0).equals("rpmbuild"));
    }

    @Test
    void keptContainersStayAndTheUserIsToldHowToEnterThem() throws Exception {
        builds.knows("xapi");
        RebuildReport report = rebuild("el9", new BuildSettings(RpmbuildOptions.NONE, false, true, false, false), "xapi");
        String id = report.packages().get(0).container();
        assertThat(fake.containers).containsOnlyKeys(id);
        assertThat(said).anyMatch(m -> m.contains("docker exec -it -u builder " + id));
    }

    @Test
    void aShellOpensInAFailedContainerOnATerminalOnly() throws Exception {
        builds.failing("broken");
        rebuild("el9", new BuildSettings(RpmbuildOptions.NONE, false, false, true, true), "broken");
        assertThat(fake.attached).singleElement().satisfies(step -> {
            assertThat(step.argv()).containsExactly("bash", "-l");
            assertThat(step.user()).isEqualTo("builder");
            assertThat(step.workingDir()).isEqualTo("/home/builder/rpmbuild/BUILD");
        });
        assertThat(fake.containers).as("removed after the shell").isEmpty();

        fake.attached.clear();
        rebuild("el9", new BuildSettings(RpmbuildOptions.NONE, false, false, true, false), "broken");
        assertThat(fake.attached).isEmpty();
        assertThat(said).anyMatch(m -> m.contains("no terminal"));
    }

    @Test
    void aHostSourcePackageIsCopiedInThroughTheArchiveApi() throws Exception {
        Path file = Files.write(tmp.resolve("xapi-1.0-1.src.rpm"), FakeBuilds.srpmBytes("xapi"));
        fake.files.put("/home/builder/rpmbuild/" + FakeBuilds.rpm("xapi"), FakeBuilds.rpmBytes("xapi"));
        RebuildReport report = rebuild(ProfileCatalog.shipped().named("el9"), List.of(new HostSrpm(file)), BuildSettings.DEFAULT);
        assertThat(report.packages().get(0).name()).isEqualTo("xapi");
        assertThat(fake.files).containsKey("/var/tmp/xsbuild/srpms/xapi-1.0-1.src.rpm");
        assertThat(argv()).noneMatch(a -> a.contains("download"));
        assertThat(argv()).contains(List.of("rpmbuild", "--rebuild", "--define", "_topdir /home/builder/rpmbuild",
                "/var/tmp/xsbuild/srpms/xapi-1.0-1.src.rpm"));
    }

    @Test
    void aWarmImageMadeForThePackagesIsUsed() throws Exception {
        builds.knows("xapi");
        Profile el9 = ProfileCatalog.shipped().named("el9");
        String warm;
        try (Session session = Session.open(fake, "warm", Events.NONE)) {
            EnvImages images = new EnvImages(session);
            warm = images.warm(images.ensure(el9), el9, ContainerRepos.resolve(repo, "el9", el9.repoFiles(), Events.NONE),
                    List.of("xapi")).tag();
        }
        fake.steps.clear();
        RebuildReport report = rebuild("el9", BuildSettings.DEFAULT, "xapi");
        assertThat(report.image()).isEqualTo(warm);
        assertThat(fake.started.get(fake.started.size() - 1).image()).isEqualTo(warm);
        assertThat(said).anyMatch(m -> m.startsWith("Using the warm image " + warm));
        assertThat(argv()).as("its BuildRequires are in the image already").noneMatch(a -> a.contains("builddep"));
        assertThat(Files.readString(out.resolve("logs/xapi/root.log"))).contains("nothing to install");
        assertThat(report.packages().get(0).stages()).containsKey("builddep");
    }

    @Test
    void aWarmImageOfAnotherRepositoryStateStillRunsBuilddep() throws Exception {
        builds.knows("xapi");
        Profile el9 = ProfileCatalog.shipped().named("el9");
        try (Session session = Session.open(fake, "warm", Events.NONE)) {
            EnvImages images = new EnvImages(session);
            images.warm(images.ensure(el9), el9, ContainerRepos.resolve(repo, "el9", el9.repoFiles(), Events.NONE), List.of("xapi"));
        }
        FakeBuilds.repository(repoDir, "<repomd revision=\"2\"/>");
        fake.steps.clear();
        RebuildReport report = rebuild("el9", BuildSettings.DEFAULT, "xapi");
        assertThat(report.image()).startsWith("xsbuild/el9-env:");
        assertThat(argv()).anyMatch(a -> a.contains("builddep"));
    }

    @Test
    void theTimeSpentInTheContainerIsRecorded() throws Exception {
        builds.knows("xapi");
        PackageResult xapi = rebuild("el9", BuildSettings.DEFAULT, "xapi").packages().get(0);
        assertThat(xapi.stepSeconds()).isGreaterThanOrEqualTo(0)
                .isLessThanOrEqualTo(xapi.stages().values().stream().mapToDouble(Double::doubleValue).sum());
    }

    @Test
    void anImageGivenByTagMustBeOneXsbuildMadeForTheProfile() throws Exception {
        builds.knows("xapi");
        Profile el9 = ProfileCatalog.shipped().named("el9");
        String env;
        try (Session session = Session.open(fake, "image", Events.NONE)) {
            env = new EnvImages(session).ensure(el9).tag();
        }
        RebuildRequest asEl7 = new RebuildRequest(new BuildSetup(ProfileCatalog.shipped().named("el7"), repo, out, BuildSettings.DEFAULT, env, "unit"),
                List.of(new RepoSrpm("xapi")));
        assertThat(catchThrowable(() -> new Rebuild(() -> fake, events, Clock.systemUTC()).run(asEl7)))
                .hasMessage("The image " + env + " is of the el9 profile, not xs8");
        RebuildRequest foreign = new RebuildRequest(new BuildSetup(el9, repo, out, BuildSettings.DEFAULT, "almalinux:9", "unit"),
                List.of(new RepoSrpm("xapi")));
        assertThat(catchThrowable(() -> new Rebuild(() -> fake, events, Clock.systemUTC()).run(foreign)))
                .hasMessage("The image almalinux:9 was not made by xsbuild image build");
        RebuildRequest right = new RebuildRequest(new BuildSetup(el9, repo, out, BuildSettings.DEFAULT, env, "unit"),
                List.of(new RepoSrpm("xapi")));
        assertThat(new Rebuild(() -> fake, events, Clock.systemUTC()).run(right).image()).isEqualTo(env);
    }

    @Test
    void hostSourcePackagesAreNamedByTheirFileName() {
        assertThat(new HostSrpm(Path.of("/x/xcp-networkd-0.9.6-1+s0+0.10.0+8+g96c3fcc.el7.centos.src.rpm")).name())
                .isEqualTo("xcp-networkd");
        assertThat(new HostSrpm(Path.of("odd.src.rpm")).name()).isEqualTo("odd");
    }

    @Test
    void aDefineIsAMacroAndAValue() {
        assertThat(RpmbuildOptions.isDefine("dist .el7")).isTrue();
        assertThat(RpmbuildOptions.isDefine("dist")).isFalse();
    }
}
