package io.xsbuild.it;

import com.sun.net.httpserver.HttpServer;
import io.xsbuild.cli.CliRun;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.Labels;
import io.xsbuild.container.Step;
import io.xsbuild.event.Events;
import io.xsbuild.image.EnvImage;
import io.xsbuild.image.EnvImages;
import io.xsbuild.io.Directories;
import io.xsbuild.profile.ProfileCatalog;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repositories beyond one directory, on the real engine in the testbase profile: one served over HTTP by
 * a server on this machine's loopback, one published from a directory of RPMs with --local-repo and first
 * in priority, and a profile folder of the user's.
 */
class RepositoriesIT {

    /** What the fixture build runs, as root, in a container of the testbase profile's image. */
    private static final String BUILD = String.join("\n",
            "set -e",
            "top=/tmp/top; s=/tmp/repos",
            "for p in xsbtest-fromhttp xsbtest-fromlocal; do rpmbuild -bb --define \"_topdir $top\" $s/$p.spec; done",
            "rpmbuild -bb --define \"_topdir $top\" --define 'pickversion 1.0' $s/xsbtest-pick.spec",
            "rpmbuild -bb --define \"_topdir $top\" --define 'pickversion 2.0' $s/xsbtest-pick.spec",
            "rpmbuild -bs --nodeps --define \"_topdir $top\" $s/xsbtest-consumer.spec",
            "mkdir -p /tmp/http /tmp/local",
            "mv $top/RPMS/noarch/xsbtest-fromhttp-* $top/RPMS/noarch/xsbtest-pick-2.0-* $top/SRPMS/* /tmp/http",
            "mv $top/RPMS/noarch/xsbtest-fromlocal-* $top/RPMS/noarch/xsbtest-pick-1.0-* /tmp/local");

    private static Path fixture;
    private static Path served;
    private static HttpServer server;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final EngineSession engine = new EngineSession("it-repos");

    @TempDir
    Path dir;

    @BeforeAll
    static void packagesAndAServer() throws Exception {
        fixture = Files.createTempDirectory("xsbuild-it-repos-");
        try (ContainerRuntime runtime = Engine.withTestbase();
             Session session = Session.open(runtime, "it-fixture-" + UUID.randomUUID(), Events.NONE)) {
            EnvImage env = new EnvImages(session).ensure(ProfileCatalog.shipped().named("testbase"));
            SessionContainer box = session.start(ContainerSpec.builder(env.tag()).network("none"));
            box.copyIn(Engine.projectDir().resolve("toolkit/src/test/resources/repos"), "/tmp");
            List<String> output = new ArrayList<>();
            int exit = box.run(new Step(List.of("sh", "-c", BUILD), "root", "/tmp", null), (stream, line) -> output.add(line));
            assertThat(exit).as(String.join("\n", output)).isZero();
            box.copyOut("/tmp/http", fixture);
            box.copyOut("/tmp/local", fixture);
        }
        served = fixture.resolve("http");
        TestRepos.create(served);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            Path file = served.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(served) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
        Directories.deleteQuietly(fixture);
    }

    private static String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** A copy of the --local-repo directory: it gets repodata/ each time. */
    private Path localRepo() throws IOException {
        Path local = Files.createDirectories(dir.resolve("local"));
        try (var files = Files.list(fixture.resolve("local"))) {
            for (Path f : files.toList()) {
                Files.copy(f, local.resolve(f.getFileName()));
            }
        }
        return local;
    }


    @Test
    void buildRequiresComeFromAnHttpRepositoryAndTheLocalRepoWhichWinsByPriorityWithTheNetworkCutForRpmbuild()
            throws Exception {
        requests.clear();
        Path local = localRepo();
        CliRun r = engine.xsbuild(dir, Map.of(), List.of("rebuild", "--profile", "testbase", "--local-repo", local.toString(),
                "--repo", url(), "--out", "out", "xsbtest-consumer"));
        assertThat(r.exitCode).as(r.toString()).isZero();

        assertThat(local.resolve("repodata/repomd.xml")).as("--local-repo is published").isRegularFile();
        assertThat(requests).as("the source package and a BuildRequires came over HTTP")
                .contains("/repodata/repomd.xml").anyMatch(p -> p.endsWith(".src.rpm")).anyMatch(p -> p.contains("xsbtest-fromhttp-1.0"));
        String root = Files.readString(dir.resolve("out/logs/xsbtest-consumer/root.log"));
        assertThat(root).contains("xsbtest-fromhttp", "xsbtest-fromlocal", "xsbtest-pick");
        Path rpm = dir.resolve("out/RPMS/noarch/xsbtest-consumer-1.0-1.noarch.rpm");
        assertThat(PackageContent.text(rpm, "/usr/share/xsbtest/consumer-pick"))
                .as("xsbtest-pick 1.0 of --local-repo, first in priority, beats 2.0 of the HTTP repository").isEqualTo("1.0");
        assertThat(Files.readString(dir.resolve("out/logs/xsbtest-consumer/build.log")))
                .contains("http\nlocal\n", "network interfaces: lo \n");
    }

    @Test
    void theOrderOfRepoIsThePriority() throws Exception {
        Path local = localRepo();
        TestRepos.create(local);
        CliRun r = engine.xsbuild(dir, Map.of(), List.of("rebuild", "--profile", "testbase", "--repo", url(),
                "--repo", local.toString(), "--out", "out", "xsbtest-consumer"));
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(PackageContent.text(dir.resolve("out/RPMS/noarch/xsbtest-consumer-1.0-1.noarch.rpm"), "/usr/share/xsbtest/consumer-pick"))
                .as("the HTTP repository, given first, wins with its 2.0").isEqualTo("2.0");
    }

    @Test
    void aWrongUrlFailsAtOnceWithItsNameAndStartsNoContainer() throws Exception {
        String wrong = url() + "nosuch/";
        CliRun r = engine.xsbuild(dir, Map.of(), List.of("rebuild", "--profile", "testbase", "--repo", "xs=" + wrong,
                "--out", "out", "xsbtest-consumer"));
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err.lines().filter(l -> l.startsWith("xsbuild:")).toList()).containsExactly(
                "xsbuild: Cannot read the repository xs at " + wrong + ": HTTP 404 for " + wrong + "repodata/repomd.xml: "
                        + "check the URL (a baseurl with repodata/repomd.xml below it), or leave that --repo out");
        try (ContainerRuntime runtime = Engine.connect()) {
            assertThat(runtime.removeByLabel(Labels.SESSION, engine.id())).as("no container was started").isZero();
        }
        assertThat(dir.resolve("out/logs")).doesNotExist();
    }

    @Test
    void aProfileFolderOfTheUsersIsListedByDoctorAndBuilds() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles/mine"));
        Path testbase = Engine.projectDir().resolve("dockerfiles/testbase");
        Files.copy(testbase.resolve("Dockerfile"), profiles.resolve("Dockerfile"));
        Files.copy(testbase.resolve("macros.testbase"), profiles.resolve("macros.testbase"));
        Files.writeString(profiles.resolve("profile.properties"), String.join("\n",
                "description=Mine: the test base with a dist of its own",
                "base=" + Engine.testbaseImage(),
                "package-manager=dnf",
                "macro.dist=.mine", ""));
        Map<String, String> env = Map.of(ProfileCatalog.ENV_PATH, dir.resolve("profiles").toString());

        CliRun doctor = engine.xsbuild(dir, env, List.of("doctor"));
        assertThat(doctor.exitCode).as(doctor.toString()).isZero();
        assertThat(doctor.out).containsPattern("mine +Mine: the test base with a dist of its own \\[" + profiles + "\\]\\n +"
                + Engine.testbaseImage() + "  ok");

        Path local = localRepo();
        TestRepos.create(local);
        CliRun r = engine.xsbuild(dir, env, List.of("rebuild", "--profile", "mine", "--repo", url(), "--repo", local.toString(),
                "--out", "out", "xsbtest-consumer"));
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(dir.resolve("out/RPMS/noarch/xsbtest-consumer-1.0-1.mine.noarch.rpm")).isRegularFile();
        assertThat(Files.readString(dir.resolve("out/result.json"))).contains("\"profile\": \"mine\"", "xsbuild/mine-env:");
    }
}
