package io.xsbuild.cli;

import io.xsbuild.container.EngineInfo;
import io.xsbuild.container.EngineUnavailableException;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.container.RuntimeConnector;
import io.xsbuild.profile.ProfileCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    private static final RuntimeConnector NO_ENGINE = () -> {
        throw new EngineUnavailableException("unix:///var/run/docker.sock", new java.net.ConnectException("refused"));
    };

    @Test
    void versionNamesTheToolAndItsJava() {
        CliRun r = CliRun.run(FakeRuntime::new, "--version");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).startsWith("xsbuild ").contains("Java 17");
    }

    @Test
    void helpListsEverySubcommand() {
        CliRun r = CliRun.run(FakeRuntime::new, "--help");
        assertThat(r.exitCode).isZero();
        assertThat(r.out).contains("repo", "image", "rebuild", "build", "shell", "doctor", "Exit codes:");
    }

    @Test
    void argumentsThatNameACommandBuildThatCommandAloneAndAnythingElseBuildsAll() {
        CliContext context = new CliContext(FakeRuntime::new, Map.of(), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), false, java.nio.file.Path.of("."));
        assertThat(Cli.commandLine(context, new String[] {"--json", "repo", "create", "x"}).getSubcommands())
                .containsOnlyKeys("repo");
        assertThat(Cli.commandLine(context, new String[] {"--help"}).getSubcommands()).containsOnlyKeys(
                "repo", "iso", "image", "rebuild", "build", "chain", "shell", "doctor", "demo", "help");
        assertThat(Cli.commandLine(context, new String[] {"help", "repo"}).getSubcommands()).hasSize(10);
        assertThat(Cli.commandLine(context, new String[] {"rpeo"}).getSubcommands()).hasSize(10);
        CliRun json = CliRun.run(FakeRuntime::new, "repo", "create", "--json", "--help");
        assertThat(json.exitCode).as(json.toString()).isZero();
    }

    @Test
    void everyCommandsHelpShowsAnExample() {
        List<String> commands = new java.util.ArrayList<>();
        collect(Cli.commandLine(new CliContext(FakeRuntime::new, Map.of(), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), false, java.nio.file.Path.of("."))), commands);
        assertThat(commands).contains("xsbuild", "xsbuild repo create", "xsbuild image build", "xsbuild rebuild",
                "xsbuild build", "xsbuild shell", "xsbuild doctor");
        for (String command : commands) {
            String[] args = (command.replaceFirst("^xsbuild ?", "") + " --help").strip().split(" ");
            CliRun r = CliRun.run(FakeRuntime::new, args);
            assertThat(r.exitCode).as(command).isZero();
            assertThat(r.out).as(command).contains("Usage: " + command).contains("Examples:\n  xsbuild");
        }
    }

    private static void collect(picocli.CommandLine command, List<String> names) {
        if (command.getCommandSpec().userObject() instanceof picocli.CommandLine.HelpCommand) {
            return;
        }
        names.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().values().forEach(sub -> collect(sub, names));
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatPointsToHelp() {
        CliRun r = CliRun.run(FakeRuntime::new, "doctor", "--frobnicate");
        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err).contains("xsbuild: Unknown option: '--frobnicate'").contains("xsbuild doctor --help");
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun r = CliRun.run(FakeRuntime::new);
        assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err).contains("Missing a command");
    }

    @Test
    void doctorReportsTheEngineAndTheImagesEachProfileNeeds() {
        FakeRuntime fake = new FakeRuntime();
        fake.images.put(ProfileCatalog.TESTBASE_IMAGE, new ImageInfo("sha256:1", List.of(ProfileCatalog.TESTBASE_IMAGE), Map.of(), 1));
        CliRun r = CliRun.run(() -> fake, "doctor");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("Docker engine  ok  20.10.24 (API 1.41) at unix:///fake.sock, linux/amd64\n  chosen: DOCKER_HOST\n")
                .contains("docker       ok  ")
                .containsPattern("testbase +Debian bookworm with rpm and dnf.*\n +xsbuild/testbase:bookworm  ok")
                .containsPattern("xs8 +XenServer 8 dom0.*\\(also el7\\)\n +centos:7.9.2009  missing: make it with docker pull centos:7.9.2009");
        assertThat(fake.closed).as("the connection is closed").isTrue();
    }

    @Test
    void doctorSaysWhenTheEngineIsPodmanAndWhichSocketItChose() {
        FakeRuntime podman = new FakeRuntime() {
            @Override
            public EngineInfo info() {
                return new EngineInfo(EngineInfo.PODMAN, "unix:///run/podman/podman.sock",
                        "the rootful Podman socket (DOCKER_HOST is unset and there is no usable /var/run/docker.sock)", "4.3.1", "1.41",
                        "linux/amd64", null);
            }
        };
        CliRun r = CliRun.run(() -> podman, Map.of("PATH", ""), Path.of("."), "doctor");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("Podman engine  ok  4.3.1 (API 1.41) at unix:///run/podman/podman.sock, linux/amd64\n"
                        + "  chosen: the rootful Podman socket (DOCKER_HOST is unset and there is no usable /var/run/docker.sock)\n")
                .contains("podman       missing: apt-get install -y podman (for entering a kept container)");
    }

    @Test
    void doctorNamesTheContainersOfSessionsWhoseProcessIsGoneAndCleanRemovesThem() throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        io.xsbuild.session.SessionOwner killed = new io.xsbuild.session.SessionOwner(
                io.xsbuild.session.SessionOwner.hostName(), child.pid(), child.info().startInstant().orElse(null));
        child.destroyForcibly().waitFor();
        FakeRuntime fake = new FakeRuntime();
        Map<String, String> labels = new java.util.HashMap<>(killed.labels());
        labels.put(io.xsbuild.container.Labels.SESSION, "ci-1234");
        String id = "0123456789ab" + "c".repeat(52);
        fake.containers.put(id, io.xsbuild.container.ContainerSpec.builder("img").labels(labels).build());

        CliRun look = CliRun.run(() -> fake, "doctor");
        assertThat(look.exitCode).as(look.toString()).isZero();
        assertThat(look.out).contains("Leftovers      1 container of xsbuild sessions whose process is gone; "
                + "xsbuild doctor --clean removes it", "  0123456789ab  session ci-1234, running, process " + child.pid()
                + " is gone");
        assertThat(fake.containers).containsKey(id);

        CliRun otherSession = CliRun.run(() -> fake, Map.of("XSBUILD_SESSION", "ci-9999"), Path.of("."), "doctor", "--clean");
        assertThat(otherSession.exitCode).as(otherSession.toString()).isZero();
        assertThat(fake.containers).as("only session ci-9999's are removed").containsKey(id);

        CliRun clean = CliRun.run(() -> fake, Map.of("XSBUILD_SESSION", ""), Path.of("."), "doctor", "--clean");
        assertThat(clean.exitCode).as(clean.toString()).isZero();
        assertThat(clean.out).contains("Removed container 0123456789ab of session ci-1234 (process " + child.pid()
                + " is gone)", "Leftovers      none");
        assertThat(fake.containers).doesNotContainKey(id);
        assertThat(fake.removed).containsExactly(id);
    }

    @Test
    void doctorWithoutAnEngineExits3WithOneLineAndNoStackTrace() {
        CliRun r = CliRun.run(NO_ENGINE, "doctor");
        assertThat(r.exitCode).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(r.err.lines().toList()).containsExactly(
                "xsbuild: Cannot reach a Docker engine at unix:///var/run/docker.sock: is dockerd running? (DOCKER_HOST selects another)");
    }

    @Test
    void stacktraceShowsWhereAnErrorCameFrom() {
        CliRun r = CliRun.run(NO_ENGINE, "doctor", "--stacktrace");
        assertThat(r.exitCode).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(r.err).contains("EngineUnavailableException").contains("\tat ").contains("Caused by: java.net.ConnectException");
    }

    @Test
    void jsonGivenAfterTheSubcommandMakesTheResultAnObject() {
        CliRun r = CliRun.run(FakeRuntime::new, "doctor", "--json");
        assertThat(r.exitCode).isZero();
        assertThat(r.out.strip()).startsWith("{").endsWith("}").contains("\"reachable\": true", "\"apiVersion\": \"1.41\"");
    }

    @Test
    void jsonErrorsAreObjectsToo() {
        CliRun r = CliRun.run(NO_ENGINE, "--json", "doctor");
        assertThat(r.exitCode).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(r.out).contains("\"ok\": false", "\"exitCode\": 3", "Cannot reach a Docker engine");
    }

    @Test
    void unexpectedErrorsExit1AndAskForAStackTrace() {
        RuntimeConnector broken = () -> {
            throw new IllegalStateException("boom");
        };
        CliRun r = CliRun.run(broken, "doctor");
        assertThat(r.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err).contains("unexpected java.lang.IllegalStateException: boom").contains("--stacktrace");
    }
}
