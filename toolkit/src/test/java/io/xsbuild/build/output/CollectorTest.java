package io.xsbuild.build.output;

import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.error.FailedException;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;
import io.xsbuild.testing.TestRpms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Packages come out of the container, are told apart by their headers on the host, then placed. */
class CollectorTest {

    private static final String TOPDIR = ContainerLayout.TOPDIR;
    private static final String SRPM = "/var/tmp/xsbuild/srpms/xsdemo/xsdemo-1.0-3.src.rpm";

    private final FakeRuntime fake = new FakeRuntime();
    private Session session;
    private SessionContainer container;

    @TempDir
    Path out;

    @BeforeEach
    void start() throws Exception {
        fake.images.put("image", new ImageInfo("sha256:image", List.of("image"), Map.of(), 1));
        session = Session.open(fake, "collector-test", Events.NONE);
        container = session.start(ContainerSpec.builder("image"));
        fake.files.put(SRPM, TestRpms.source("xsdemo", null, "1.0", "3"));
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    @Test
    void eachPackageIsNamedByItsHeaderAndPlacedByArchitectureWithoutRunningAnythingInTheContainer() throws Exception {
        byte[] tools = TestRpms.binary("xsdemo-tools", 2, "1.0", "3", "noarch");
        byte[] main = TestRpms.binary("xsdemo", null, "1.0", "3", "x86_64");
        fake.files.put(TOPDIR + "/RPMS/x86_64/xsdemo-1.0-3.x86_64.rpm", main);
        fake.files.put(TOPDIR + "/RPMS/noarch/xsdemo-tools-1.0-3.noarch.rpm", tools);
        fake.files.put(TOPDIR + "/RPMS/x86_64/.partial.rpm", "half a package".getBytes(StandardCharsets.UTF_8));
        fake.files.put(TOPDIR + "/RPMS/notes.txt", "not a package".getBytes(StandardCharsets.UTF_8));

        Outputs outputs = new Collector(out).packages(container, SRPM, "xsdemo");

        Path toolsFile = out.resolve("RPMS/noarch/xsdemo-tools-1.0-3.noarch.rpm");
        Path mainFile = out.resolve("RPMS/x86_64/xsdemo-1.0-3.x86_64.rpm");
        assertThat(outputs.rpms()).containsExactly(
                new Artifact("RPMS/noarch/xsdemo-tools-1.0-3.noarch.rpm", "xsdemo-tools-2:1.0-3.noarch",
                        ChecksumType.SHA256.hex(tools), tools.length),
                new Artifact("RPMS/x86_64/xsdemo-1.0-3.x86_64.rpm", "xsdemo-1.0-3.x86_64", ChecksumType.SHA256.hex(main),
                        main.length));
        assertThat(outputs.srpm().path()).isEqualTo("SRPMS/xsdemo-1.0-3.src.rpm");
        assertThat(outputs.srpm().nevra()).isEqualTo("xsdemo-1.0-3.src");
        assertThat(toolsFile).hasBinaryContent(tools);
        assertThat(mainFile).hasBinaryContent(main);
        assertThat(fake.steps).as("no rpm -qp, nor anything else, in the container").isEmpty();
        assertThat(files(out)).containsExactlyInAnyOrder("RPMS/noarch/xsdemo-tools-1.0-3.noarch.rpm",
                "RPMS/x86_64/xsdemo-1.0-3.x86_64.rpm", "SRPMS/xsdemo-1.0-3.src.rpm");
    }

    @Test
    void aBuiltFileThatIsNoPackageFailsTheCollectionNamedAndNothingIsPlaced() throws Exception {
        fake.files.put(TOPDIR + "/RPMS/x86_64/xsdemo-1.0-3.x86_64.rpm", TestRpms.binary("xsdemo", null, "1.0", "3", "x86_64"));
        fake.files.put(TOPDIR + "/RPMS/x86_64/xsdemo-devel-1.0-3.x86_64.rpm", "x".repeat(300).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new Collector(out).packages(container, SRPM, "xsdemo"))
                .isInstanceOf(FailedException.class)
                .hasMessageStartingWith("Cannot read the header of RPMS/x86_64/xsdemo-devel-1.0-3.x86_64.rpm from container "
                        + container.shortId() + ": not an RPM package");
        assertThat(files(out)).isEmpty();
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
        }
    }
}
