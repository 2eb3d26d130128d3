package io.xsbuild.demo;

import io.xsbuild.event.Events;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.snapshot.SnapshotCreator;
import io.xsbuild.snapshot.SnapshotRequest;
import io.xsbuild.snapshot.SnapshotResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo snapshot is what xsbuild reads XenServer's as: a binpkg ISO with its packages, a comps
 * group and .treeinfo, a source ISO with the source packages.
 */
class DemoSnapshotTest {

    @TempDir
    Path tmp;

    private Path packages;

    @BeforeEach
    void packages() throws Exception {
        String shared = System.getProperty("xsbuild.shared.dir");
        Path testdata = shared == null ? null : Path.of(shared, "testdata/createrepo_c/packages");
        Assumptions.assumeTrue(testdata != null && Files.isDirectory(testdata), "no createrepo_c test data in ../shared");
        packages = tmp.resolve("packages");
        Path rpms = Files.createDirectories(packages.resolve("RPMS/x86_64"));
        Path srpms = Files.createDirectories(packages.resolve("SRPMS"));
        try (Stream<Path> files = Files.list(testdata)) {
            for (Path rpm : files.filter(f -> f.toString().endsWith(".rpm")).toList()) {
                Files.copy(rpm, (rpm.toString().endsWith(".src.rpm") ? srpms : rpms).resolve(rpm.getFileName()));
            }
        }
    }

    private static List<String> rpmNames(Path dir) throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".rpm")).forEach(f -> names.add(f.getFileName().toString()));
        }
        return names;
    }

    @Test
    void theIsosPublishAsASnapshotWithTheProductAndTheGroup() throws Exception {
        DemoSnapshot.Isos isos = new DemoSnapshot(Events.NONE).write(packages, Set.of("fake_bash"), tmp.resolve("isos"));

        SnapshotResult result = new SnapshotCreator(Events.NONE).create(SnapshotRequest.builder(tmp.resolve("repo"))
                .iso(isos.binpkg()).iso(isos.source()).build());
        assertThat(result.info().snapshot()).isEqualTo(DemoSnapshot.BUILD);
        assertThat(result.info().product().productBrand()).isEqualTo(DemoSnapshot.PRODUCT);
        assertThat(result.info().product().productVersion()).isEqualTo(DemoSnapshot.VERSION);
        assertThat(rpmNames(result.directory())).containsExactlyInAnyOrderElementsOf(rpmNames(packages));

        Repomd repomd = Repomd.read(result.directory().resolve("repodata/repomd.xml"));
        assertThat(repomd.records()).extracting(RepomdRecord::type).contains("group", "group_gz");
        assertThat(Files.readString(result.directory().resolve(repomd.record("group").orElseThrow().href())))
                .contains("<id>" + DemoSnapshot.GROUP + "</id>", "<packagereq type=\"mandatory\">fake_bash</packagereq>");
        assertThat(Files.readString(result.directory().resolve("repodata/repomd.xml")))
                .contains("<distro", DemoSnapshot.PRODUCT);
    }
}
