package io.xsbuild.it;

import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.iso.IsoWriter;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.write.GroupRecords;
import io.xsbuild.snapshot.SnapshotCreator;
import io.xsbuild.snapshot.SnapshotRequest;
import io.xsbuild.snapshot.SnapshotResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real dnf in the test base image reads a snapshot published from an ISO whose repodata carries a
 * comps file: it lists the snapshot's packages, sees the group and installs it.
 */
class SnapshotDnfIT {

    static final String COMPS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <comps>
              <group>
                <id>xenserver_base</id>
                <name>XenServer base</name>
                <description>What every host has</description>
                <default>true</default>
                <uservisible>true</uservisible>
                <packagelist>
                  <packagereq type="mandatory">empty</packagereq>
                  <packagereq type="optional">fake_bash</packagereq>
                </packagelist>
              </group>
            </comps>
            """;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void engineAndImage() {
        Engine.withTestbase().close();
    }

    private static String dnf(GenericContainer<?> box, String... command) throws Exception {
        String[] argv = Stream.concat(Stream.of("dnf", "-q", "-y", "--releasever=1", "--nogpgcheck",
                "--setopt=reposdir=/dev/null", "--setopt=cachedir=/tmp/cache", "--repofrompath=snap,file:///snap",
                "--repo=snap"), Stream.of(command)).toArray(String[]::new);
        ExecResult r = box.execInContainer(argv);
        assertThat(r.getExitCode()).as(String.join(" ", argv) + "\n" + r.getStderr()).isZero();
        return r.getStdout();
    }

    /** A binpkg image: createrepo_c's test packages, .treeinfo, and repodata holding only the comps file. */
    private static Path binpkg() throws Exception {
        String shared = System.getProperty("xsbuild.shared.dir");
        Path packages = shared == null ? null : Path.of(shared, "testdata/createrepo_c/packages");
        Assumptions.assumeTrue(packages != null && Files.isDirectory(packages), "no createrepo_c test data in ../shared");
        Path repodata = Files.createDirectories(tmp.resolve("tree/repodata"));
        Repomd repomd = new Repomd(1, GroupRecords.write(repodata, COMPS.getBytes(StandardCharsets.UTF_8), Compression.GZ,
                ChecksumType.SHA256));
        Files.writeString(repodata.resolve(Repomd.FILE_NAME), repomd.toXml());
        Path iso = tmp.resolve("binpkg.iso");
        new IsoWriter("XS binpkg", Instant.ofEpochSecond(1_700_000_000))
                .addTree("Packages", packages)
                .addTree("repodata", repodata)
                .addBytes(".treeinfo", "[branding]\nname = XenServer\nversion = 8.4.0\n[build]\nnumber = 58\n"
                        .getBytes(StandardCharsets.UTF_8))
                .write(iso, Events.NONE);
        return iso;
    }

    @Test
    void dnfSeesTheGroupOfTheImageAndInstallsIt() throws Exception {
        SnapshotResult snapshot = new SnapshotCreator(Events.NONE).create(SnapshotRequest.builder(tmp.resolve("repo"))
                .iso(binpkg()).build());

        try (GenericContainer<?> box = new GenericContainer<>(DockerImageName.parse(Engine.testbaseImage()))
                .withCopyFileToContainer(MountableFile.forHostPath(snapshot.directory()), "/snap")
                .withCommand("sleep", "infinity")) {
            box.start();
            assertThat(dnf(box, "repoquery", "--qf", "%{location}", "*").lines().toList()).hasSize((int) snapshot.packages())
                    .contains("SRPMS/empty-0-0.src.rpm", "Packages/empty-signed-rsa-0-0.x86_64.rpm",
                            "Packages/fake_bash-1.1.1-1.x86_64.rpm");
            assertThat(dnf(box, "group", "list", "--hidden")).contains("XenServer base");
            assertThat(dnf(box, "group", "info", "xenserver_base")).contains("Mandatory Packages:", "empty",
                    "Optional Packages:", "fake_bash");
            dnf(box, "--installroot=/tmp/root", "group", "install", "xenserver_base");
            ExecResult installed = box.execInContainer("rpm", "--root", "/tmp/root", "-q", "empty");
            assertThat(installed.getStdout().strip()).isEqualTo("empty-0-0.x86_64");
        }
    }
}
