package io.xsbuild.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example packages are built in the order their BuildRequires ask for. */
class ExampleSpecTest {

    static final Path EXAMPLES = Path.of("..", "examples", "packages").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void theExamplesSayWhatTheyMakeAndBuildRequire() throws Exception {
        List<ExampleSpec> specs = Demo.examples(EXAMPLES);
        assertThat(specs).extracting(ExampleSpec::name).containsExactly("xsdemo", "xsdemo-hello", "xsdemo-report", "xsdemo-tools");
        assertThat(specs.get(0).provides()).containsExactlyInAnyOrder("xsdemo", "xsdemo-devel");
        assertThat(specs.get(1).requires()).contains("xsdemo-devel");
        assertThat(specs.get(2).requires()).contains("xsdemo-tools");
    }

    private Path spec(String name, String preamble) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(name));
        Files.writeString(folder.resolve(name + ".spec"), "Name: " + name + "\nVersion: 1\nRelease: 1\n" + preamble
                + "Summary: s\nLicense: MIT\n%description\nd\n%files\n");
        return folder;
    }

    @Test
    void buildRequiresWithVersionsAndSeveralOnALineAreRead() throws Exception {
        ExampleSpec spec = ExampleSpec.read(spec("a", "BuildRequires: b-devel >= 1.2, c, d = 3\nBuildRequires: gcc\n"
                + "%package -n other\nSummary: o\n%description -n other\no\n%package devel\nSummary: d\n"
                + "%description devel\nd\n"));
        assertThat(spec.requires()).containsExactlyInAnyOrder("b-devel", "c", "d", "gcc");
        assertThat(spec.provides()).containsExactlyInAnyOrder("a", "other", "a-devel");
    }
}
