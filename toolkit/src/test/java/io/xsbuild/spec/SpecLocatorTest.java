package io.xsbuild.spec;

import io.xsbuild.cli.Flags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecLocatorTest {

    @TempDir
    Path root;

    private Path touch(String path) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "Name: x\n");
    }

    @Test
    void theOneSpecAtTheRoot() throws Exception {
        Path spec = touch("demo.spec");
        touch("src/other.spec");
        assertThat(SpecLocator.locate(root, null)).isEqualTo(spec);
    }

    @Test
    void theOneSpecInSpecs() throws Exception {
        Path spec = touch("SPECS/demo.spec");
        assertThat(SpecLocator.locate(root, null)).isEqualTo(spec);
    }

    @Test
    void noSpecIsAnErrorSayingWhereItLooked() {
        assertThatThrownBy(() -> SpecLocator.locate(root, null))
                .isInstanceOf(SpecException.class)
                .hasMessage("No spec file at the root of " + root + " or in its SPECS/");
    }

    @Test
    void severalSpecsAreListed() throws Exception {
        touch("a.spec");
        touch("SPECS/b.spec");
        assertThatThrownBy(() -> SpecLocator.locate(root, null))
                .hasMessage("Several spec files in " + root + ": a.spec, SPECS/b.spec")
                .satisfies(e -> assertThat(((SpecException) e).userMessage()).endsWith("choose one with spec"))
                .satisfies(e -> assertThat(Flags.userMessage((SpecException) e)).endsWith("choose one with --spec"));
    }

    @Test
    void aNamedSpecWinsAndMustExist() throws Exception {
        touch("a.spec");
        Path b = touch("packaging/b.spec");
        assertThat(SpecLocator.locate(root, Path.of("packaging/b.spec"))).isEqualTo(b);
        assertThatThrownBy(() -> SpecLocator.locate(root, Path.of("nope.spec"))).hasMessage("No spec file nope.spec in " + root);
    }
}
