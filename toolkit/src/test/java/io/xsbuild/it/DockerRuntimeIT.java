package io.xsbuild.it;

import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.DockerRuntime;
import io.xsbuild.container.ImageBuild;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.container.Labels;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Mount;
import io.xsbuild.container.Step;
import io.xsbuild.container.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The container seam on the real engine. */
class DockerRuntimeIT {

    private final String session = "it-" + UUID.randomUUID();
    private ContainerRuntime runtime;

    @TempDir
    Path tmp;

    @BeforeEach
    void connect() {
        runtime = Engine.withTestbase();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (runtime != null) {
            runtime.removeByLabel(Labels.SESSION, session);
            runtime.close();
        }
    }

    private String startTestbase(String network) throws Exception {
        return runtime.start(ContainerSpec.builder(Engine.testbaseImage())
                .label(Labels.SESSION, session)
                .network(network)
                .build());
    }

    private static List<String> lines(ContainerRuntime runtime, String container, Step step, int[] exit) throws Exception {
        List<String> lines = new ArrayList<>();
        exit[0] = runtime.run(container, step, (stream, line) -> lines.add(stream + ":" + line));
        return lines;
    }

    @Test
    void engineInfoNamesAnApiTheEngineSpeaks() throws Exception {
        var info = runtime.info();
        assertThat(info.endpoint()).isNotBlank();
        assertThat(info.apiVersion()).matches("1\\.\\d+");
        assertThat(info.version()).isNotBlank();
    }

    @Test
    void buildsATinyImageFromTheTestbaseWithLabelsAndTags() throws Exception {
        Path context = tmp.resolve("context");
        Files.createDirectories(context);
        Files.writeString(context.resolve("hello.txt"), "hello from the context\n");
        Files.writeString(context.resolve("Dockerfile"),
                "FROM " + Engine.testbaseImage() + "\nCOPY hello.txt /hello.txt\nRUN test -s /hello.txt\n");
        String tag = "xsbuild-it/tiny:" + session;
        List<String> output = new ArrayList<>();
        String id = runtime.buildImage(new ImageBuild(context, "Dockerfile", List.of(tag),
                Map.of(Labels.SESSION, session), Map.of(), "none"), (s, l) -> output.add(l));
        try {
            ImageInfo image = runtime.findImage(tag).orElseThrow();
            assertThat(image.id()).isEqualTo(id);
            assertThat(image.labels()).containsEntry(Labels.SESSION, session);
            assertThat(output).anyMatch(l -> l.contains("COPY hello.txt"));

            String c = runtime.start(ContainerSpec.builder(tag).label(Labels.SESSION, session).build());
            int[] exit = new int[1];
            assertThat(lines(runtime, c, Step.of("cat", "/hello.txt"), exit)).containsExactly("STDOUT:hello from the context");
            assertThat(exit[0]).isZero();
        } finally {
            runtime.removeByLabel(Labels.SESSION, session);
            runtime.removeImage(tag);
        }
        assertThat(runtime.findImage(tag)).isEmpty();
    }

    @Test
    void aStepStreamsBothOutputsLineByLineAndReturnsItsExitCode() throws Exception {
        String c = startTestbase("bridge");
        int[] exit = new int[1];
        List<String> lines = lines(runtime, c,
                Step.shell("echo one; echo two >&2; printf 'no newline'; exit 7"), exit);
        assertThat(exit[0]).isEqualTo(7);
        assertThat(lines).contains("STDOUT:one", "STDERR:two", "STDOUT:no newline");
    }

    @Test
    void anAttachedStepReadsAndWritesTheStreamsOfTheTerminalItIsGiven() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Boolean> lent = new ArrayList<>();
        List<Boolean> given = new ArrayList<>();
        Terminal terminal = tty -> {
            lent.add(tty);
            return new Terminal.Attachment(new ByteArrayInputStream("typed line\n".getBytes(StandardCharsets.UTF_8)),
                    out, err, null, () -> given.add(tty));
        };
        try (ContainerRuntime attaching = DockerRuntime.connect(terminal)) {
            String c = attaching.start(ContainerSpec.builder(Engine.testbaseImage()).label(Labels.SESSION, session)
                    .network("none").build());
            int exit = attaching.runAttached(c, Step.shell("read line; echo \"got $line\"; echo to stderr >&2; exit 3"), false);
            assertThat(exit).isEqualTo(3);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("got typed line\n");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("to stderr\n");
            assertThat(lent).containsExactly(false);
            assertThat(given).as("the terminal is given back when the step ends").containsExactly(false);
        }
    }

    @Test
    void argumentsReachTheCommandExactlyAsGiven() throws Exception {
        String c = startTestbase("none");
        int[] exit = new int[1];
        List<String> lines = lines(runtime, c, Step.of("printf", "[%s]\\n", "a b", "'quoted'", "$HOME", ""), exit);
        assertThat(lines).containsExactly("STDOUT:[a b]", "STDOUT:['quoted']", "STDOUT:[$HOME]", "STDOUT:[]");
    }

    @Test
    void stepsRunAsTheUserAndInTheDirectoryAsked() throws Exception {
        String c = startTestbase("none");
        int[] exit = new int[1];
        lines(runtime, c, Step.of("useradd", "-m", "builder"), exit);
        assertThat(exit[0]).isZero();
        List<String> lines = lines(runtime, c, Step.shell("id -un; pwd; echo $GREETING").as("builder").in("/tmp")
                .with(Map.of("GREETING", "hi")), exit);
        assertThat(lines).containsExactly("STDOUT:builder", "STDOUT:/tmp", "STDOUT:hi");
    }

    @Test
    void aFileCopiedOutHasItsContentAndBelongsToTheInvokingUser() throws Exception {
        String c = startTestbase("none");
        int[] exit = new int[1];
        lines(runtime, c, Step.shell("mkdir -p /out/RPMS/x86_64 && printf 'payload\\n' > /out/RPMS/x86_64/demo.rpm && chown -R 4242:4242 /out"), exit);
        assertThat(exit[0]).isZero();
        Path host = tmp.resolve("collected");
        List<Path> files = runtime.copyOut(c, "/out/RPMS", host);
        Path rpm = host.resolve("RPMS/x86_64/demo.rpm");
        assertThat(files).containsExactly(rpm);
        assertThat(Files.readString(rpm)).isEqualTo("payload\n");
        assertThat(Files.getOwner(rpm).getName()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void readOnlyMountsCannotBeWritten() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("in.txt"), "input\n");
        String c = runtime.start(ContainerSpec.builder(Engine.testbaseImage())
                .label(Labels.SESSION, session)
                .mount(Mount.readOnly(shared, "/srv/in"))
                .network("none")
                .build());
        int[] exit = new int[1];
        assertThat(lines(runtime, c, Step.of("cat", "/srv/in/in.txt"), exit)).containsExactly("STDOUT:input");
        lines(runtime, c, Step.shell("echo x > /srv/in/new.txt"), exit);
        assertThat(exit[0]).isNotZero();
        assertThat(shared.resolve("new.txt")).doesNotExist();
    }

    @Test
    void withNetworkNoneOnlyLoopbackExists() throws Exception {
        String c = startTestbase("none");
        int[] exit = new int[1];
        assertThat(lines(runtime, c, Step.of("ls", "/sys/class/net"), exit)).containsExactly("STDOUT:lo");
    }

    @Test
    void disconnectingTheNetworksLeavesOnlyLoopback() throws Exception {
        String c = startTestbase("bridge");
        int[] exit = new int[1];
        assertThat(lines(runtime, c, Step.of("ls", "/sys/class/net"), exit)).contains("STDOUT:eth0");
        runtime.disconnectNetworks(c);
        assertThat(lines(runtime, c, Step.of("ls", "/sys/class/net"), exit)).containsExactly("STDOUT:lo");
    }

    @Test
    void removingByLabelLeavesNothingOfTheSession() throws Exception {
        startTestbase("none");
        startTestbase("none");
        String other = "it-other-" + UUID.randomUUID();
        String survivor = runtime.start(ContainerSpec.builder(Engine.testbaseImage())
                .label(Labels.SESSION, other).network("none").build());
        try {
            assertThat(runtime.removeByLabel(Labels.SESSION, session)).isEqualTo(2);
            assertThat(runtime.removeByLabel(Labels.SESSION, session)).isZero();
            int[] exit = new int[1];
            lines(runtime, survivor, Step.of("true"), exit);
            assertThat(exit[0]).as("another session's container is untouched").isZero();
        } finally {
            runtime.removeByLabel(Labels.SESSION, other);
        }
    }

    @Test
    void aMissingImageIsAnEnvironmentError() {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.xsbuild.container.ImageMissingException.class,
                () -> runtime.start(ContainerSpec.builder("xsbuild-it/none:missing").label(Labels.SESSION, session).build()));
        assertThat(thrown.kind()).isEqualTo(io.xsbuild.error.XsbuildException.Kind.ENVIRONMENT);
        assertThat(thrown.userMessage()).contains("xsbuild-it/none:missing");
    }

    @Test
    void copyInPutsAHostFileInTheContainer() throws Exception {
        Path file = Files.writeString(tmp.resolve("spec.txt"), "copied in\n");
        String c = startTestbase("none");
        runtime.copyIn(c, file, "/tmp");
        int[] exit = new int[1];
        assertThat(lines(runtime, c, Step.of("cat", "/tmp/spec.txt"), exit)).containsExactly("STDOUT:copied in");
    }

    @Test
    void copyTreeInPutsADirectoryAtItsPathItsParentsMadeOwnedByRootAndReadableByTheBuilder() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("current/repodata"));
        Files.writeString(repo.resolve("repomd.xml"), "<repomd/>\n");
        Path big = tmp.resolve("current/big.rpm");
        Files.write(big, new byte[3 * 1024 * 1024 + 17]);
        String c = startTestbase("none");

        long sent = runtime.copyTreeIn(c, tmp.resolve("current"), "/srv/xsbuild/repos/xs");

        assertThat(sent).isEqualTo(Files.size(big) + "<repomd/>\n".length());
        int[] exit = new int[1];
        assertThat(lines(runtime, c, new Step(List.of("sh", "-c",
                "stat -c '%U %a %n' /srv/xsbuild/repos/xs && stat -c '%U %a %s %n' /srv/xsbuild/repos/xs/big.rpm"
                        + " && cat /srv/xsbuild/repos/xs/repodata/repomd.xml"),
                "nobody", "/", null), exit))
                .containsExactly("STDOUT:root 755 /srv/xsbuild/repos/xs", "STDOUT:root 644 " + Files.size(big)
                        + " /srv/xsbuild/repos/xs/big.rpm", "STDOUT:<repomd/>");
        assertThat(exit[0]).isZero();
    }

    @SuppressWarnings("unused")
    private static final LineSink IGNORE = LineSink.DISCARD;
}
