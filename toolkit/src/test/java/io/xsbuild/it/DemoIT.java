package io.xsbuild.it;

import io.xsbuild.cli.CliRun;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code xsbuild demo} from end to end on the real engine, offline: the example packages built,
 * packed into snapshot ISOs, published, a warm image made, one package rebuilt; a second run only
 * rebuilds.
 */
class DemoIT {

    @RegisterExtension
    final EngineSession engine = new EngineSession("it-demo");

    @TempDir
    Path dir;

    private CliRun demo(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("demo", "--profile", "testbase", "--dir", "demo"));
        all.addAll(List.of(args));
        return engine.xsbuild(dir, Map.of("XSBUILD_HOME", Engine.projectDir().toString()), all);
    }

    @Test
    void theExamplesBecomeASnapshotRepositoryThatAPackageIsRebuiltFromAndASecondRunReusesAll() throws Exception {
        CliRun first = demo();
        assertThat(first.exitCode).as(first.toString()).isZero();
        Path rpm = dir.resolve("xsbuild-out/RPMS/x86_64/xsdemo-hello-1.0-1.x86_64.rpm");
        assertThat(rpm).isRegularFile();
        assertThat(first.out).contains("xsbuild-out/RPMS/x86_64/xsdemo-hello-1.0-1.x86_64.rpm", "Repository:");

        Path repo = dir.resolve("demo/testbase/repo/current");
        assertThat(Files.readString(repo.resolve("snapshot.json"))).contains("xsbuild demo", "8.4.0", "demo1");
        assertThat(repo.resolve("Packages/xsdemo-devel-1.0-1.x86_64.rpm")).isRegularFile();
        assertThat(repo.resolve("SRPMS/xsdemo-tools-1.0-1.src.rpm")).isRegularFile();
        assertThat(Repomd.read(repo.resolve("repodata/repomd.xml")).records()).extracting(RepomdRecord::type)
                .contains("group", "group_gz");
        assertThat(List.of("binpkg", "source")).allSatisfy(kind ->
                assertThat(dir.resolve("demo/testbase/isos/xsdemo-8.4.0-" + kind + ".iso")).isNotEmptyFile());
        Files.delete(rpm);

        CliRun second = demo("--json");
        assertThat(second.exitCode).as(second.toString()).isZero();
        assertThat(second.out).contains("\"reused\": [\n    \"example packages\",\n    \"snapshot ISOs\",\n"
                + "    \"repository\",\n    \"image\"\n  ]", "\"ok\": true");
        assertThat(rpm).isRegularFile();
    }
}
