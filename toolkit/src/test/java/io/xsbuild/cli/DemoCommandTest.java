package io.xsbuild.cli;

import io.xsbuild.container.FakeRuntime;
import io.xsbuild.demo.DemoRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @TempDir
    Path dir;

    private DemoRequest request(Map<String, String> env, String... args) {
        CliContext context = new CliContext(FakeRuntime::new, env, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false, dir);
        return CommandLine.populateCommand(new DemoCommand(context), args).request();
    }

    @Test
    void defaultsComeFromTheCheckoutAndTheUsersCache() {
        DemoRequest r = request(Map.of("XSBUILD_HOME", "/src/xsbuild", "XDG_CACHE_HOME", "/var/cache/u",
                "XSBUILD_SESSION", "s1"));
        assertThat(r.examples()).isEqualTo(Path.of("/src/xsbuild/examples/packages"));
        assertThat(r.home()).isEqualTo(Path.of("/src/xsbuild"));
        assertThat(r.dir()).isEqualTo(Path.of("/var/cache/u/xsbuild/demo"));
        assertThat(r.out()).isEqualTo(dir.resolve("xsbuild-out"));
        assertThat(r.rebuild()).isEqualTo("xsdemo-hello");
        assertThat(r.profile()).isNull();
        assertThat(r.session()).isEqualTo("s1");
    }

    @Test
    void everyOptionMapsOntoTheRequest() {
        DemoRequest r = request(Map.of("HOME", "/home/u"), "--profile", "testbase", "--package", "xsdemo-tools",
                "--out", "o", "--dir", "d", "--examples", "ex");
        assertThat(r).isEqualTo(new DemoRequest(dir.resolve("ex"), dir.resolve("d"), dir.resolve("o"), "testbase",
                "xsdemo-tools", dir, null));
        assertThat(request(Map.of("HOME", "/home/u")).dir()).isEqualTo(Path.of("/home/u/.cache/xsbuild/demo"));
    }

    @Test
    void aPackageNoExampleMakesIsAUsageErrorBeforeAnyEngineWork() {
        FakeRuntime fake = new FakeRuntime();
        CliRun r = CliRun.run(() -> fake, Map.of("XSBUILD_HOME", Path.of("..").toAbsolutePath().toString()), dir,
                "demo", "--package", "xapi", "--dir", "d");
        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err).contains("No example package makes xapi", "xsdemo-devel");
        assertThat(fake.started).isEmpty();
    }

    @Test
    void withoutTheExamplesItSaysWhereItLooked() {
        CliRun r = CliRun.run(FakeRuntime::new, Map.of("XSBUILD_HOME", dir.toString()), dir, "demo");
        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err).contains("No example packages at " + dir.resolve("examples/packages"), "--examples DIR");
    }
}
