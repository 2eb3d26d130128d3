package io.xsbuild.it;

import io.xsbuild.event.Events;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoCreator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real dnf in the test base image reads a repository xsbuild published: it sees the same packages
 * with the same dependencies, files and sizes as in the repository createrepo_c makes of the same
 * files, and installs a package from it.
 */
class RepoDnfIT {

    private static final String QUERY_FORMAT = "%{name}-%{epoch}:%{version}-%{release}.%{arch} %{location}"
            + " %{size} %{installsize} %{buildtime} %{sourcerpm} %{summary}"
            + "%nrequires:%n%{requires}%nprovides:%n%{provides}%nconflicts:%n%{conflicts}"
            + "%nobsoletes:%n%{obsoletes}%nrecommends:%n%{recommends}%nsuggests:%n%{suggests}"
            + "%nsupplements:%n%{supplements}%nenhances:%n%{enhances}%nfiles:%n%{files}%n";

    @TempDir
    static Path repo;

    @BeforeAll
    static void engineAndImage() {
        Engine.withTestbase().close();
    }

    private static String dnf(GenericContainer<?> box, String name, String... command) throws Exception {
        String[] argv = Stream.concat(Stream.of("dnf", "-q", "-y", "--releasever=1", "--nogpgcheck",
                        "--setopt=reposdir=/dev/null", "--setopt=cachedir=/tmp/cache-" + name,
                        "--repofrompath=" + name + ",file:///" + name, "--repo=" + name),
                Stream.of(command)).toArray(String[]::new);
        ExecResult r = box.execInContainer(argv);
        assertThat(r.getExitCode()).as(String.join(" ", argv) + "\n" + r.getStderr()).isZero();
        return r.getStdout();
    }

    @Test
    void dnfSeesWhatCreaterepoWouldPublishAndInstallsFromIt() throws Exception {
        String shared = System.getProperty("xsbuild.shared.dir");
        Path packages = shared == null ? null : Path.of(shared, "testdata/createrepo_c/packages");
        Assumptions.assumeTrue(packages != null && Files.isDirectory(packages), "no createrepo_c test data in ../shared");
        try (Stream<Path> files = Files.list(packages)) {
            for (Path p : files.toList()) {
                Files.copy(p, repo.resolve(p.getFileName()));
            }
        }
        new RepoCreator(Events.NONE).create(RepoCreateRequest.defaults(repo));

        try (GenericContainer<?> box = new GenericContainer<>(DockerImageName.parse(Engine.testbaseImage()))
                .withCopyFileToContainer(MountableFile.forHostPath(repo), "/xsbuild")
                .withCommand("sleep", "infinity")) {
            box.start();
            ExecResult createrepo = box.execInContainer("sh", "-c",
                    "cp -r /xsbuild /createrepo && rm -rf /createrepo/repodata && createrepo_c --no-database /createrepo");
            assertThat(createrepo.getExitCode()).as(createrepo.getStderr()).isZero();

            String ours = dnf(box, "xsbuild", "repoquery", "--qf", QUERY_FORMAT, "*");
            String theirs = dnf(box, "createrepo", "repoquery", "--qf", QUERY_FORMAT, "*");
            assertThat(ours).contains("Archer-2:3.4.5-6.x86_64", "fooa <= 2", "Balíček", "rec = 8",
                    "empty-0:0-0.src", "/usr/bin/fake_bash");
            assertThat(ours).isEqualTo(theirs);

            dnf(box, "xsbuild", "--installroot=/tmp/root", "install", "empty");
            ExecResult installed = box.execInContainer("rpm", "--root", "/tmp/root", "-q", "empty");
            assertThat(installed.getStdout().strip()).isEqualTo("empty-0-0.x86_64");
        }
    }
}
