package io.xsbuild.profile;

import io.xsbuild.error.UsageException;
import io.xsbuild.repository.RepoFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProfileCatalogTest {

    @TempDir
    Path tmp;

    @Test
    void everyShippedProfileParsesAndIsListed() {
        ProfileCatalog catalog = ProfileCatalog.shipped();
        assertThat(catalog.broken()).isEmpty();
        assertThat(catalog.names()).containsExactlyInAnyOrder("el9", "testbase", "xcpng-8.2", "xcpng-8.3", "xcpng-9.0", "xs8");
        for (Profile p : catalog.all()) {
            assertThat(p.description()).as(p.name()).isNotBlank();
            assertThat(p.baseImage()).as(p.name()).isNotBlank();
            assertThat(p.folder().location()).isEqualTo("shipped");
        }
    }

    @Test
    void xs8IsDom0sCentos79WithEpelAndAnswersToEl7() throws Exception {
        ProfileCatalog catalog = ProfileCatalog.shipped();
        Profile xs8 = catalog.named("xs8");
        assertThat(catalog.named("el7")).isSameAs(xs8);
        assertThat(xs8.baseImage()).isEqualTo("centos:7.9.2009");
        assertThat(xs8.packageManager()).isEqualTo(PackageManager.YUM);
        assertThat(xs8.toolchain()).contains("rpm-build", "yum-utils", "yum-plugin-priorities");
        assertThat(xs8.macros()).containsEntry("dist", ".xs8");
        assertThat(xs8.repositoryIds()).contains("base", "updates", "extras", "epel");
        assertThat(xs8.makeBase()).isEqualTo("docker pull centos:7.9.2009");
    }

    @Test
    void xcpng83PutsXcpngsRepositoriesFirstAndKeepsOcamlOffCentos() throws Exception {
        Profile p = ProfileCatalog.shipped().named("xcpng-8.3");
        assertThat(p.baseImage()).isEqualTo("centos:7.5.1804");
        assertThat(p.macros()).containsEntry("dist", ".xcpng8.3");
        RepoFile xcpng = p.repoFiles().stream().filter(f -> f.name().equals("xcp-ng.repo")).findFirst().orElseThrow();
        RepoFile.Section base = xcpng.sections().stream().filter(s -> s.id().equals("xcp-ng-base")).findFirst().orElseThrow();
        assertThat(base.priority()).isEqualTo(1);
        assertThat(base.options().get("baseurl")).isEqualTo("https://mirrors.xcp-ng.org/8/8.3/base/x86_64/");
        RepoFile centos = p.repoFiles().stream().filter(f -> f.name().equals("centos-vault.repo")).findFirst().orElseThrow();
        assertThat(centos.sections()).allSatisfy(s -> assertThat(s.options()).containsEntry("exclude", "ocaml*"));
        assertThat(centos.sections().get(0).priority()).isEqualTo(RepoFile.DEFAULT_PRIORITY);
    }

    @Test
    void testbaseIsMadeByItsScriptWithDebootstrap() throws Exception {
        Profile t = ProfileCatalog.shipped().named("testbase");
        assertThat(t.base().script()).isEqualTo("build.sh");
        assertThat(t.hostTools()).containsExactly("debootstrap");
        assertThat(t.makeBase()).endsWith("testbase/build.sh");
        assertThat(t.repoFiles()).isEmpty();
    }

    @Test
    void theDefaultIsXs8UnlessXsbuildProfileSaysOtherwise() throws Exception {
        assertThat(ProfileCatalog.shipped().defaultProfile(Map.of()).name()).isEqualTo("xs8");
        assertThat(ProfileCatalog.shipped().defaultProfile(Map.of("XSBUILD_PROFILE", "el9")).name()).isEqualTo("el9");
    }

    @Test
    void anUnknownProfileIsAUsageErrorListingTheKnownOnes() {
        UsageException e = catchThrowableOfType(UsageException.class, () -> ProfileCatalog.shipped().named("xs9"));
        assertThat(e.userMessage()).isEqualTo("Unknown profile 'xs9': choose one of "
                + String.join(", ", ProfileCatalog.shipped().names()) + " (xsbuild doctor describes each)");
    }

    @Test
    void aFolderInTheUserDirectoryAddsAProfileAndReplacesAShippedOneOfTheSameName() throws Exception {
        Path dir = tmp.resolve("profiles");
        folder(dir.resolve("xs9"), "description=XenServer 9\nbase=xs9-base:1\npackage-manager=dnf\nmacro.dist=.xs9\n");
        folder(dir.resolve("el9"), "description=My own el9\nbase=almalinux:9.4\npackage-manager=dnf\n");
        ProfileCatalog catalog = ProfileCatalog.load(Map.of(ProfileCatalog.ENV_PATH, dir.toString()));
        Profile xs9 = catalog.named("xs9");
        assertThat(xs9.folder().location()).isEqualTo(dir.resolve("xs9").toString());
        assertThat(xs9.macros()).containsEntry("dist", ".xs9");
        assertThat(catalog.named("el9").description()).isEqualTo("My own el9");
        assertThat(catalog.names()).contains("xs8", "xs9").doesNotHaveDuplicates();
    }

    @Test
    void theXdgConfigDirectoryIsTheDefaultUserDirectory() throws Exception {
        folder(tmp.resolve("xsbuild/profiles/mine"), "description=Mine\nbase=mine:1\npackage-manager=yum\n");
        assertThat(ProfileCatalog.load(Map.of("XDG_CONFIG_HOME", tmp.toString())).names()).contains("mine");
        folder(tmp.resolve("home/.config/xsbuild/profiles/other"), "description=Other\nbase=o:1\npackage-manager=yum\n");
        assertThat(ProfileCatalog.load(Map.of("HOME", tmp.resolve("home").toString())).names()).contains("other");
    }

    @Test
    void aBrokenUserFolderIsListedWithItsErrorAndRefusedWhenChosenButHarmsNoOther() throws Exception {
        Path dir = tmp.resolve("profiles");
        folder(dir.resolve("bad"), "description=Bad\nbase=b:1\npackage-manager=apt\n");
        Files.createDirectories(dir.resolve("empty"));
        ProfileCatalog catalog = ProfileCatalog.load(Map.of(ProfileCatalog.ENV_PATH, dir.toString()));
        assertThat(catalog.broken()).extracting(ProfileCatalog.Broken::name).containsExactly("bad", "empty");
        ProfileException e = catchThrowableOfType(ProfileException.class, () -> catalog.named("bad"));
        assertThat(e.getMessage()).isEqualTo(dir.resolve("bad/profile.properties") + ": package-manager is 'apt'");
        assertThat(e.hint()).isEqualTo("write yum or dnf");
        assertThat(catalog.named("xs8").name()).isEqualTo("xs8");
    }

    @Test
    void aDescriptorIsCheckedKeyByKey() throws Exception {
        Path dir = tmp.resolve("p");
        for (var c : List.of(
                List.of("base=b\npackage-manager=dnf\ncolour=red\n", "unknown key 'colour'"),
                List.of("package-manager=dnf\n", "has no base"),
                List.of("base=b\npackage-manager=dnf\nbase-recipe=script:../x.sh\n", "names no script of the folder"),
                List.of("base=b\npackage-manager=dnf\nmacro.a-b=1\n", "does not name an rpm macro"))) {
            Path folder = dir.resolve("x" + c.hashCode());
            folder(folder, c.get(0));
            ProfileCatalog catalog = ProfileCatalog.load(Map.of(ProfileCatalog.ENV_PATH, dir.toString()));
            assertThat(catalog.broken().stream().filter(b -> b.location().equals(folder.toString())).findFirst().orElseThrow()
                    .error().getMessage()).contains(c.get(1));
        }
    }

    @Test
    void aRepositoryFileOfTheFolderIsParsedAndAnIdDefinedTwiceIsRefused() throws Exception {
        Path dir = tmp.resolve("profiles");
        folder(dir.resolve("r"), "base=b\npackage-manager=dnf\n");
        Files.writeString(dir.resolve("r/one.repo"), "[a]\nbaseurl=http://x/\n");
        Files.writeString(dir.resolve("r/two.repo"), "[a]\nbaseurl=http://y/\n");
        ProfileCatalog catalog = ProfileCatalog.load(Map.of(ProfileCatalog.ENV_PATH, dir.toString()));
        assertThat(catalog.broken()).singleElement().satisfies(b ->
                assertThat(b.error().getMessage()).contains("defines the repository 'a' a second time"));
    }

    private static void folder(Path dir, String descriptor) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("profile.properties"), descriptor);
    }
}
