package io.xsbuild.chain;

import io.xsbuild.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChainInputTest {

    @TempDir
    Path tmp;

    @Test
    void eachKindOfInputIsToldApart() throws Exception {
        Files.writeString(tmp.resolve("xapi-1.0-1.src.rpm"), "x");
        Files.createDirectories(tmp.resolve("folder"));
        Files.writeString(tmp.resolve("folder/pkg.spec"), "Name: pkg\n");
        Files.createDirectories(tmp.resolve("checkout/.git"));
        Files.createDirectories(tmp.resolve("pkgrepo/SPECS"));

        assertThat(ChainInput.of("xapi-1.0-1.src.rpm", tmp)).isEqualTo(new ChainInput.Srpm("xapi-1.0-1.src.rpm",
                tmp.resolve("xapi-1.0-1.src.rpm")));
        assertThat(ChainInput.of("folder", tmp)).isEqualTo(new ChainInput.SpecFolder("folder", tmp.resolve("folder")));
        assertThat(ChainInput.of("checkout", tmp)).isEqualTo(new ChainInput.Checkout("checkout", tmp.resolve("checkout").toString()));
        assertThat(ChainInput.of("pkgrepo", tmp)).isInstanceOf(ChainInput.Checkout.class);
        assertThat(ChainInput.of("https://example.org/xapi.git", tmp)).isEqualTo(
                new ChainInput.Checkout("https://example.org/xapi.git", "https://example.org/xapi.git"));
        assertThat(ChainInput.of("xcp-networkd", tmp)).isEqualTo(new ChainInput.Named("xcp-networkd", "xcp-networkd"));
    }

    @Test
    void whatIsNoneOfThemIsOneLineNamingIt() throws Exception {
        Files.writeString(tmp.resolve("README.md"), "x");
        Files.createDirectories(tmp.resolve("empty"));
        assertThat(catchThrowableOfType(UsageException.class, () -> ChainInput.of("README.md", tmp)).getMessage())
                .isEqualTo(tmp.resolve("README.md") + " is a file but no source package");
        assertThat(catchThrowableOfType(UsageException.class, () -> ChainInput.of("empty", tmp)).getMessage())
                .isEqualTo(tmp.resolve("empty") + " holds no spec, no SPECS/ and no .git");
        assertThat(catchThrowableOfType(UsageException.class, () -> ChainInput.of("gone/pkg", tmp)).getMessage())
                .isEqualTo("No such file or directory: " + tmp.resolve("gone/pkg"));
        assertThat(catchThrowableOfType(UsageException.class, () -> ChainInput.of("nosuch-1-1.src.rpm", tmp)).getMessage())
                .startsWith("No such file or directory");
    }
}
