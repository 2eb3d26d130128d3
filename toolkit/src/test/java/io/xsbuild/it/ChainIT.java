package io.xsbuild.it;

import io.xsbuild.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * xsbuild chain on the real engine, in the testbase profile: the example packages (a library, two packages
 * that BuildRequire it, one that BuildRequires one of those) from scratch, unchanged, and after a change to
 * the library; a cycle; a failure with and without --continue.
 */
class ChainIT {

    @RegisterExtension
    final EngineSession engine = new EngineSession("it-chain");

    @TempDir
    Path dir;

    private CliRun chain(List<String> args) {
        List<String> all = new ArrayList<>(List.of("chain", "--profile", "testbase", "--out", "out"));
        all.addAll(args);
        return engine.xsbuild(dir, Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()), all);
    }

    /** A copy of the example packages, to change. */
    private List<String> examples() throws Exception {
        Path src = Engine.projectDir().resolve("examples/packages");
        List<String> folders = new ArrayList<>();
        for (String name : List.of("xsdemo-report", "xsdemo-hello", "xsdemo", "xsdemo-tools")) {
            Path to = Files.createDirectories(dir.resolve("pkgs").resolve(name));
            try (Stream<Path> files = Files.list(src.resolve(name))) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            folders.add("pkgs/" + name);
        }
        return folders;
    }

    /** Spec folders of the chain tests' packages. */
    private List<String> testPackages(String... names) throws Exception {
        List<String> folders = new ArrayList<>();
        for (String name : names) {
            Path to = Files.createDirectories(dir.resolve("pkgs").resolve(name));
            Files.copy(Engine.projectDir().resolve("toolkit/src/test/resources/chain/" + name + ".spec"), to.resolve(name + ".spec"));
            folders.add("pkgs/" + name);
        }
        return folders;
    }

    /** Each package's status in result.json, in build order. */
    private List<String> statuses() throws Exception {
        String json = Files.readString(dir.resolve("out/result.json"));
        Matcher m = Pattern.compile("\"name\": \"([^\"]+)\",\\s*\"input\": \"[^\"]*\",\\s*\"status\": \"([A-Z]+)\"").matcher(json);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) + " " + m.group(2));
        }
        return found;
    }


    @Test
    void theExamplesBuildInOrderThenAreReusedThenAChangedLibraryRebuildsItAndEverythingAfterIt() throws Exception {
        List<String> inputs = examples();
        CliRun first = chain(inputs);
        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(statuses()).containsExactly("xsdemo BUILT", "xsdemo-hello BUILT", "xsdemo-tools BUILT", "xsdemo-report BUILT");
        String result = Files.readString(dir.resolve("out/result.json"));
        assertThat(result).contains("\"levels\": [\n    [\n      \"xsdemo\"\n    ],\n    [\n      \"xsdemo-hello\",\n      \"xsdemo-tools\"\n"
                + "    ],\n    [\n      \"xsdemo-report\"\n    ]\n  ]");
        Path report = dir.resolve("out/RPMS/noarch/xsdemo-report-1.0-1.noarch.rpm");
        assertThat(PackageContent.text(report, "/usr/share/xsdemo-report/report.txt")).isEqualTo("xsdemo-info: built against xsdemo 1.0");
        assertThat(Files.readString(dir.resolve("out/logs/xsdemo-report/root.log")))
                .as("xsdemo-tools came from the chain's repository").contains("xsdemo-tools");
        assertThat(first.out).contains("4 built, 0 reused, 0 failed, 0 skipped");

        CliRun again = chain(inputs);
        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(statuses()).containsExactly("xsdemo REUSED", "xsdemo-hello REUSED", "xsdemo-tools REUSED",
                "xsdemo-report REUSED");
        assertThat(again.out).contains("0 built, 4 reused");
        assertThat(report).as("the reused packages are in OUT again").isRegularFile();
        assertThat(dir.resolve("out/logs/xsdemo-report/build.log")).as("no build ran").exists();

        Path header = dir.resolve("pkgs/xsdemo/xsdemo.h");
        Files.writeString(header, Files.readString(header).replace("#define XSDEMO_VERSION \"1.0\"", "#define XSDEMO_VERSION \"1.1\""));
        CliRun changed = chain(inputs);
        assertThat(changed.exitCode).as(changed.toString()).isZero();
        assertThat(statuses()).containsExactly("xsdemo BUILT", "xsdemo-hello BUILT", "xsdemo-tools BUILT", "xsdemo-report BUILT");
        assertThat(PackageContent.text(report, "/usr/share/xsdemo-report/report.txt"))
                .as("built against the changed library, through xsdemo-tools").isEqualTo("xsdemo-info: built against xsdemo 1.1");
    }

    @Test
    void thePlanIsTheGraphAndBuildsNothing() throws Exception {
        examples();
        CliRun plan = chain(List.of("--plan", "pkgs/xsdemo-report", "pkgs/xsdemo-hello", "pkgs/xsdemo", "pkgs/xsdemo-tools"));
        assertThat(plan.exitCode).as(plan.toString()).isZero();
        assertThat(plan.out).contains("\"name\": \"xsdemo-report\",\n      \"input\": \"pkgs/xsdemo-report\",\n      \"level\": 2,\n"
                + "      \"dependsOn\": [\n        \"xsdemo-tools\"\n      ],\n      \"buildRequires\": [\n        \"xsdemo-tools\"\n      ]");
        assertThat(dir.resolve("out")).doesNotExist();
        CliRun gitlab = chain(List.of("--plan", "--format", "gitlab", "--define", "dist .xs8", "pkgs/xsdemo", "pkgs/xsdemo-tools"));
        assertThat(gitlab.exitCode).as(gitlab.toString()).isZero();
        assertThat(gitlab.out).contains("xsdemo-tools:\n  extends: .xsbuild-package\n  needs:\n    - job: xsdemo\n",
                "\"xsbuild chain --out xsbuild-out/xsdemo-tools --local-repo xsbuild-needed --profile=testbase "
                        + "'--define=dist .xs8' pkgs/xsdemo-tools\"");
    }

    @Test
    void aCycleIsRefusedNamingItsMembersBeforeAnyBuild() throws Exception {
        CliRun r = chain(testPackages("xsbtest-cycle-a", "xsbtest-cycle-b", "xsbtest-solo"));
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err.lines().filter(l -> l.startsWith("xsbuild:")).toList()).containsExactly(
                "xsbuild: The packages xsbtest-cycle-a -> xsbtest-cycle-b -> xsbtest-cycle-a BuildRequire each other in a cycle: "
                        + "build one of them first without the others (bootstrap it), or drop one from the chain");
        assertThat(dir.resolve("out/logs")).doesNotExist();
    }

    @Test
    void withContinueWhatDoesNotDependOnAFailureStillBuildsAndItsDependentIsSkipped() throws Exception {
        List<String> inputs = new ArrayList<>(List.of("--continue"));
        inputs.addAll(testPackages("xsbtest-broken", "xsbtest-needs-broken", "xsbtest-solo"));
        CliRun r = chain(inputs);
        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(statuses()).containsExactly("xsbtest-broken FAILED", "xsbtest-solo BUILT", "xsbtest-needs-broken SKIPPED");
        assertThat(Files.readString(dir.resolve("out/result.json"))).contains("\"why\": \"depends on xsbtest-broken, which failed\"");
        assertThat(r.err).contains("xsbtest-broken: failing on purpose", "xsbuild: xsbtest-broken: rpmbuild of");
        assertThat(r.out).contains("xsbtest-needs-broken: skipped: depends on xsbtest-broken, which failed");
    }

    @Test
    void withoutContinueTheChainStopsAtTheFailure() throws Exception {
        List<String> inputs = new ArrayList<>(List.of("--jobs", "1"));
        inputs.addAll(testPackages("xsbtest-broken", "xsbtest-needs-broken", "xsbtest-solo"));
        CliRun r = chain(inputs);
        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(statuses()).containsExactly("xsbtest-broken FAILED", "xsbtest-solo SKIPPED", "xsbtest-needs-broken SKIPPED");
        assertThat(Files.readString(dir.resolve("out/result.json")))
                .contains("\"why\": \"not started: xsbtest-broken failed, and without keepGoing the chain stops there\"");
        assertThat(r.out).contains("xsbtest-solo: skipped: not started: xsbtest-broken failed, and without --continue the chain stops there");
    }
}
