package io.xsbuild.it;

import io.xsbuild.event.Events;
import io.xsbuild.fetch.FetchOptions;
import io.xsbuild.remaster.Remaster;
import io.xsbuild.remaster.RemasterRequest;
import io.xsbuild.remaster.RemasterResult;
import io.xsbuild.testing.InstallerIso;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dnf in the test base image reads the repository of a remastered installer image as the installer
 * would (the image's root, --nogpgcheck as the commented-out keys leave it): the patched package
 * replaces the original, the groups the installer installs are there, and installing them pulls in
 * the patched package and its dependency; the package no group names is on the image, installable
 * by name.
 */
class RemasterDnfIT {

    @TempDir
    static Path work;

    @BeforeAll
    static void engineAndImage() {
        Engine.withTestbase().close();
    }

    private static String dnf(GenericContainer<?> box, String... command) throws Exception {
        String[] argv = Stream.concat(Stream.of("dnf", "-q", "-y", "--releasever=1", "--nogpgcheck",
                "--setopt=reposdir=/dev/null", "--setopt=cachedir=/tmp/cache", "--repofrompath=install,file:///iso",
                "--repo=install"), Stream.of(command)).toArray(String[]::new);
        ExecResult r = box.execInContainer(argv);
        assertThat(r.getExitCode()).as(String.join(" ", argv) + "\n" + r.getStderr()).isZero();
        return r.getStdout();
    }

    @Test
    void dnfInstallsTheInstallersGroupsWithThePatchedPackage() throws Exception {
        Path iso = InstallerIso.build(Files.createDirectories(work.resolve("in")), "gzip");
        Path rpms = work.resolve("RPMS");
        InstallerIso.rpm(work, rpms, "xcp-networkd", "0.9.6", "2.patched", "libnet-helper");
        InstallerIso.rpm(work, rpms, "extra-tool", "1.0", "1", null);
        Path out = work.resolve("vh0.iso");
        RemasterResult result = new Remaster(FetchOptions.defaults(Map.of(), work), Map.of(), Events.NONE)
                .remaster(new RemasterRequest(iso.toString(), null, out, rpms, null, List.of(), null, 2));
        assertThat(result.packages().replaced()).containsExactly("Packages/xcp-networkd-0.9.6-1.noarch.rpm");
        Path tree = InstallerIso.extract(out, work.resolve("tree"));

        try (GenericContainer<?> box = new GenericContainer<>(DockerImageName.parse(Engine.testbaseImage()))
                .withCopyFileToContainer(MountableFile.forHostPath(tree), "/iso")
                .withCommand("sleep", "infinity")) {
            box.start();
            assertThat(dnf(box, "repoquery", "--qf", "%{name}-%{version}-%{release}", "*").lines().sorted().toList())
                    .containsExactly("extra-tool-1.0-1", "libnet-helper-1.0-1", "sm-3.0-1", "xcp-networkd-0.9.6-2.patched",
                            "xenserver-release-8.4.0-1");
            assertThat(dnf(box, "group", "info", "xenserver_base")).contains("Mandatory Packages:", "xcp-networkd",
                    "xenserver-release");
            assertThat(dnf(box, "group", "info", "xenserver_dom0")).contains("Default Packages:", "sm");
            dnf(box, "--installroot=/tmp/root", "group", "install", "xenserver_base", "xenserver_dom0");
            ExecResult installed = box.execInContainer("rpm", "--root", "/tmp/root", "-qa", "--qf", "%{name}-%{version}-%{release}\\n");
            assertThat(installed.getStdout().lines().sorted().toList()).containsExactly("libnet-helper-1.0-1", "sm-3.0-1",
                    "xcp-networkd-0.9.6-2.patched", "xenserver-release-8.4.0-1");
            dnf(box, "--installroot=/tmp/root", "install", "extra-tool");
        }
    }
}
