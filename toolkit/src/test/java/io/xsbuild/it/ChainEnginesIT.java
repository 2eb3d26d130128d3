package io.xsbuild.it;

import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.EngineEndpoint;
import io.xsbuild.container.Labels;
import io.xsbuild.session.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code xsbuild chain --engine A --engine B}: the example packages (a library, two packages that
 * BuildRequire it, one that BuildRequires one of those) spread over the machine's engine, reached by its
 * socket, and a second dockerd of the test's own, reached by {@code tcp://127.0.0.1:PORT}, which xsbuild
 * takes to be on another machine: the chain's repository is copied into each of its containers instead
 * of mounted.
 */
class ChainEnginesIT {

    private static final String PACKAGES = "examples/packages";
    /**
     * Prints the network interfaces at the start of every package's %build, as rpmbuild sees them: appended
     * to rpm's own preamble of %build, after its last line (a cd).
     */
    private static final String NETWORK_PROBE =
            "__spec_build_pre %{___build_pre} ; echo \"network interfaces: $(ls /sys/class/net | sort | tr '\\n' ' ')\"";

    private static DockerdService second;

    @TempDir
    Path dir;

    @BeforeAll
    static void secondEngine() throws Exception {
        try (ContainerRuntime machine = Engine.withTestbase()) {
            machine.info();
        }
        second = DockerdService.start();
        second.loadFromDocker(Engine.testbaseImage());
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void theExamplePackagesBuildOverBothEnginesWithTheNetworkCutAndNothingLeftBehind() throws Exception {
        String session = "it-engines-" + UUID.randomUUID();
        String local = EngineEndpoint.DEFAULT_URI;
        String remote = second.tcpUri();
        List<String> inputs;
        try (var list = Files.list(Engine.projectDir().resolve(PACKAGES))) {
            inputs = list.filter(Files::isDirectory).map(p -> p.toString() + "/").sorted().toList();
        }
        assertThat(inputs).hasSize(4);
        List<String> args = new java.util.ArrayList<>(List.of("chain", "--profile", "testbase", "--out", "out",
                "--engine", local, "--engine", remote, "--define", NETWORK_PROBE));
        args.addAll(inputs);

        XsbuildProcess.Result r = XsbuildProcess.start(dir, Map.of(Session.ENV, session,
                        "XDG_CACHE_HOME", dir.resolve("cache").toString()), args.toArray(String[]::new))
                .await(3, TimeUnit.MINUTES);

        assertThat(r.exit()).as(r.err()).isZero();
        Path out = dir.resolve("out");
        Map<String, String> engines = engines(Files.readString(out.resolve("result.json")));
        assertThat(engines).containsOnlyKeys("xsdemo", "xsdemo-hello", "xsdemo-tools", "xsdemo-report");
        assertThat(engines.values()).as("the engine of each package").containsOnly(local, remote).contains(local, remote);
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"ok\": true", "\"engines\": [\n    \""
                + local + "\",\n    \"" + remote + "\"\n  ]");
        assertThat(out.resolve("RPMS/x86_64/xsdemo-devel-1.0-1.x86_64.rpm")).isRegularFile();
        assertThat(out.resolve("RPMS/x86_64/xsdemo-hello-1.0-1.x86_64.rpm")).isRegularFile();
        assertThat(out.resolve("RPMS/noarch/xsdemo-tools-1.0-1.noarch.rpm")).isRegularFile();
        assertThat(out.resolve("RPMS/noarch/xsdemo-report-1.0-1.noarch.rpm")).isRegularFile();

        for (var e : engines.entrySet()) {
            String name = e.getKey();
            assertThat(Files.readString(out.resolve("logs/" + name + "/build.log"))).as(name + " on " + e.getValue())
                    .containsPattern("(?m)^network interfaces: lo ?$");
            String state = Files.readString(out.resolve("logs/" + name + "/state.log"));
            if (e.getValue().equals(remote)) {
                assertThat(state).as(name + " on " + remote)
                        .containsPattern("repositories: [1-9][0-9]* bytes copied in, the engine " + Pattern.quote(remote));
            } else {
                assertThat(state).as(name + " on " + local).doesNotContain("copied in");
            }
        }
        try (ContainerRuntime a = Engine.connect(); ContainerRuntime b = second.connect(second.socketUri())) {
            assertThat(a.removeByLabel(Labels.SESSION, session)).as("containers of the session on " + local).isZero();
            assertThat(b.removeByLabel(Labels.SESSION, session)).as("containers of the session on " + remote).isZero();
        }
    }

    /** Each package's engine, from result.json. */
    private static Map<String, String> engines(String json) {
        Map<String, String> engines = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"name\": \"([^\"]+)\",\\s*\"input\": [^\\n]*\\n(?:[^\\n]*\\n){0,12}?\\s*\"engine\": (null|\"[^\"]*\")")
                .matcher(json);
        while (m.find()) {
            engines.put(m.group(1), m.group(2).equals("null") ? null : m.group(2).replace("\"", ""));
        }
        return engines;
    }
}
