package io.xsbuild.image;

import io.xsbuild.build.BuildSetup;
import io.xsbuild.build.FakeBuilds;
import io.xsbuild.cli.Flags;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.container.ImageMissingException;
import io.xsbuild.container.Labels;
import io.xsbuild.container.Mount;
import io.xsbuild.container.Step;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.profile.Profile;
import io.xsbuild.profile.ProfileCatalog;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.packages.PackageNotFoundException;
import io.xsbuild.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnvImagesTest {

    private final FakeRuntime fake = new FakeRuntime();
    private final FakeBuilds builds = new FakeBuilds(fake);
    private Session session;
    private ContainerRepos repo;

    @TempDir
    Path tmp;

    @BeforeEach
    void open() throws Exception {
        session = Session.open(fake, "unit", Events.NONE);
        repo = repos(FakeBuilds.repository(tmp, "<repomd/>"));
    }

    /** The repository at {@code dir}, as a run of the el9 profile reads it. */
    private static ContainerRepos repos(Path dir) throws Exception {
        Profile el9 = ProfileCatalog.shipped().named("el9");
        return ContainerRepos.resolve(RepoRequest.of(dir), el9.name(), el9.repoFiles(), Events.NONE);
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    @Test
    void aProfileImageIsBuiltOnceOnItsBaseWithItsToolchainThenFound() throws Exception {
        Profile el9 = ProfileCatalog.shipped().named("el9");
        EnvImage first = new EnvImages(session).ensure(el9);
        EnvImage second = new EnvImages(session).ensure(el9);

        assertThat(fake.builds).hasSize(1);
        var build = fake.builds.get(0);
        assertThat(build.buildArgs()).containsEntry("BASE", "almalinux:9")
                .containsEntry("TOOLCHAIN", String.join(" ", el9.toolchain()));
        assertThat(build.labels()).containsEntry(Labels.SESSION, "unit").containsEntry(Labels.PROFILE, "el9")
                .containsKey(Labels.INPUTS);
        assertThat(first.tag()).matches("xsbuild/el9-env:[0-9a-f]{16}");
        assertThat(first.built()).isTrue();
        assertThat(second.built()).isFalse();
        assertThat(second.tag()).isEqualTo(first.tag());
    }

    @Test
    void anotherBaseImageMakesAnotherTag() throws Exception {
        Profile testbase = ProfileCatalog.shipped().named("testbase");
        String before = new EnvImages(session).ensure(testbase).tag();
        fake.images.put(testbase.baseImage(), new ImageInfo("sha256:remade", List.of(testbase.baseImage()), Map.of(), 1));
        String after = new EnvImages(session).ensure(testbase).tag();
        assertThat(after).isNotEqualTo(before);
        assertThat(new EnvImages(session).ensure(testbase.withBase("almalinux:9")).tag()).isNotIn(before, after);
    }

    @Test
    void aMissingBaseImageIsAnEnvironmentErrorNamingTheCommandThatMakesIt() throws Exception {
        fake.images.remove("centos:7.9.2009");
        var e = catchThrowableOfType(ImageMissingException.class, () -> new EnvImages(session).ensure(ProfileCatalog.shipped().named("el7")));
        assertThat(e.kind()).isEqualTo(XsbuildException.Kind.ENVIRONMENT);
        assertThat(Flags.userMessage(e)).isEqualTo("The image centos:7.9.2009 is not in the Docker engine: make it with "
                + "docker pull centos:7.9.2009, or choose another profile (--profile, XSBUILD_PROFILE)");
        assertThat(e.settings()).containsExactly(BuildSetup.Field.PROFILE);
    }

    @Test
    void aWarmImageInstallsTheBuildRequiresWithTheRepositoryMountedAndIsCommitted() throws Exception {
        builds.knows("xapi").knows("xcp-networkd");
        Profile el7 = ProfileCatalog.shipped().named("el7");
        EnvImages images = new EnvImages(session);
        EnvImage env = images.ensure(el7);

        EnvImage warm = images.warm(env, el7, repo, List.of("xcp-networkd", "xapi"));

        assertThat(fake.containers).as("the container is removed once committed").isEmpty();
        assertThat(fake.removed).hasSize(1);
        assertThat(fake.steps).extracting(Step::argv).contains(
                List.of("yumdownloader", "--source",
                        "--destdir", "/var/tmp/xsbuild/srpms/xapi", "xapi"),
                List.of("yum-builddep", "-y", FakeBuilds.srpm("xapi"), FakeBuilds.srpm("xcp-networkd")));
        assertThat(fake.commits).hasSize(1);
        assertThat(fake.commits.get(0).labels()).containsEntry(EnvImage.BUILDDEPS_LABEL, "xapi,xcp-networkd")
                .containsEntry(EnvImage.REPOS_LABEL, repo.selection().digest());
        assertThat(warm.tag()).matches("xsbuild/xs8-deps:[0-9a-f]{16}");
        assertThat(warm.builddeps()).containsExactly("xapi", "xcp-networkd");

        assertThat(images.warm(env, el7, repo, List.of("xapi", "xcp-networkd")).built()).isFalse();
        assertThat(fake.commits).as("the order of the packages does not matter").hasSize(1);
    }

    @Test
    void theWarmContainerHasTheRepositoryReadOnlyAtItsFixedPath() throws Exception {
        builds.knows("xapi");
        Profile el9 = ProfileCatalog.shipped().named("el9");
        EnvImages images = new EnvImages(session);
        images.warm(images.ensure(el9), el9, repo, List.of("xapi"));
        assertThat(fake.started).hasSize(1);
        assertThat(fake.started.get(0).mounts()).containsExactly(new Mount(tmp.toAbsolutePath().normalize(), "/srv/xsbuild/repos/xsbuild", true));
        assertThat(fake.started.get(0).labels()).containsEntry(Labels.SESSION, "unit");
    }

    @Test
    void aWarmImageForAnUnknownPackageFailsNamingItAndLeavesNoContainer() throws Exception {
        Profile el9 = ProfileCatalog.shipped().named("el9");
        EnvImages images = new EnvImages(session);
        EnvImage env = images.ensure(el9);
        var e = catchThrowableOfType(PackageNotFoundException.class, () -> images.warm(env, el9, repo, List.of("nosuch")));
        assertThat(e.userMessage()).startsWith("No source package 'nosuch' in the repositories of this run");
        assertThat(fake.containers).isEmpty();
        assertThat(fake.commits).isEmpty();
    }

    @Test
    void anotherRepositoryStateMakesAnotherWarmImage() throws Exception {
        builds.knows("xapi");
        Profile el9 = ProfileCatalog.shipped().named("el9");
        EnvImages images = new EnvImages(session);
        EnvImage env = images.ensure(el9);
        String before = images.warm(env, el9, repo, List.of("xapi")).tag();
        String after = images.warm(env, el9, repos(FakeBuilds.repository(tmp, "<repomd revision=\"2\"/>")), List.of("xapi")).tag();
        assertThat(after).isNotEqualTo(before);
    }
}
