package io.xsbuild.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact commands each profile runs; the el7 and el9 images cannot be pulled here. */
class PackageManagerTest {

    @Test
    void el7FetchesWithYumdownloaderFromTheEnabledRepositories() throws Exception {
        PackageManager yum = ProfileCatalog.shipped().named("el7").packageManager();
        assertThat(yum.downloadSource("xcp-networkd", "/var/tmp/xsbuild/srpms/xcp-networkd")).containsExactly(
                "yumdownloader", "--source", "--destdir", "/var/tmp/xsbuild/srpms/xcp-networkd", "xcp-networkd");
    }

    @Test
    void el7InstallsBuildRequiresWithYumBuilddep() throws Exception {
        PackageManager yum = ProfileCatalog.shipped().named("el7").packageManager();
        assertThat(yum.installBuildRequires(List.of("/w/a-1-1.src.rpm", "/w/b-2-1.src.rpm")))
                .containsExactly("yum-builddep", "-y", "/w/a-1-1.src.rpm", "/w/b-2-1.src.rpm");
    }

    @Test
    void el9FetchesWithDnfDownloadFromTheEnabledRepositories() throws Exception {
        PackageManager dnf = ProfileCatalog.shipped().named("el9").packageManager();
        assertThat(dnf.downloadSource("xapi", "/d")).containsExactly(
                "dnf", "download", "--source", "--destdir", "/d", "xapi");
    }

    @Test
    void el9InstallsBuildRequiresWithDnfBuilddepWithoutWeakDependencies() throws Exception {
        PackageManager dnf = ProfileCatalog.shipped().named("el9").packageManager();
        assertThat(dnf.installBuildRequires(List.of("/w/a-1-1.src.rpm")))
                .containsExactly("dnf", "builddep", "-y", "--setopt=install_weak_deps=False", "/w/a-1-1.src.rpm");
    }

    @Test
    void testbaseUsesDnfLikeEl9() throws Exception {
        assertThat(ProfileCatalog.shipped().named("testbase").packageManager()).isEqualTo(PackageManager.DNF);
    }
}
