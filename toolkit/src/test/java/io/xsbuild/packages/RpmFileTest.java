package io.xsbuild.packages;

import io.xsbuild.rpm.BadPackageException;
import io.xsbuild.testing.HostTools;
import io.xsbuild.testing.TestRpms;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A package's identity read by the project's header reader is the one rpm itself gives it. */
class RpmFileTest {

    /** What rpm says of a package, in the fields of {@link RpmFile}. */
    private static final String RPM_FORMAT =
            "%{NAME}\\t%|EPOCH?{%{EPOCH}}:{0}|\\t%{VERSION}\\t%{RELEASE}\\t%|SOURCERPM?{%{ARCH}}:{src}|";

    @TempDir
    Path tmp;

    @Test
    void nameEpochVersionReleaseAndArchAreWhatRpmSays() throws Exception {
        HostTools.assume("rpm");
        List<Path> packages = new ArrayList<>(sharedTestPackages());
        packages.add(Files.write(tmp.resolve("xsdemo-tools-2:1.0-3.noarch.rpm"), TestRpms.binary("xsdemo-tools", 2, "1.0", "3", "noarch")));
        packages.add(Files.write(tmp.resolve("xsdemo-1.0-3.src.rpm"), TestRpms.source("xsdemo", 5, "1.0", "3")));
        packages.add(Files.write(tmp.resolve("xsdemo-1.0-3.x86_64.rpm"), TestRpms.binary("xsdemo", null, "1.0", "3", "x86_64")));
        for (Path file : packages) {
            RpmFile read = RpmFile.read(file, "RPMS/" + file.getFileName());
            assertThat(String.join("\t", read.name(), read.epoch(), read.version(), read.release(), read.arch()))
                    .as(file.getFileName().toString()).isEqualTo(rpm(file));
            assertThat(read.path()).isEqualTo("RPMS/" + file.getFileName());
        }
    }

    @Test
    void theNevraNamesTheEpochOnlyWhenItIsNotZero() throws Exception {
        Path tools = Files.write(tmp.resolve("a.rpm"), TestRpms.binary("xsdemo-tools", 2, "1.0", "3", "noarch"));
        Path source = Files.write(tmp.resolve("b.rpm"), TestRpms.source("xsdemo", null, "1.0", "3"));
        assertThat(RpmFile.read(tools, "a.rpm").nevra()).isEqualTo("xsdemo-tools-2:1.0-3.noarch");
        assertThat(RpmFile.read(source, "b.rpm").nevra()).isEqualTo("xsdemo-1.0-3.src");
        assertThat(new RpmFile("c.rpm", "x", "0", "1", "2", "x86_64").nevra()).isEqualTo("x-1-2.x86_64");
    }

    @Test
    void aFileThatIsNoPackageIsNamed() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.rpm"), "x".repeat(200));
        assertThatThrownBy(() -> RpmFile.read(junk, "RPMS/x86_64/junk.rpm")).isInstanceOf(BadPackageException.class)
                .hasMessageStartingWith("RPMS/x86_64/junk.rpm: not an RPM package");
    }

    private static List<Path> sharedTestPackages() throws IOException {
        String shared = System.getProperty("xsbuild.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "testdata/createrepo_c/packages");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "no createrepo_c test data in ../shared");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".rpm")).sorted().toList();
        }
    }

    private static String rpm(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("rpm", "-qp", "--nosignature", "--nodigest", "--qf", RPM_FORMAT, file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("rpm -qp " + file).isZero();
        return out;
    }
}
