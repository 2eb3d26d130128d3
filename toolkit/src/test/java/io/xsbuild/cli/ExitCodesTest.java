package io.xsbuild.cli;

import io.xsbuild.error.EnvironmentException;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.UsageException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodesTest {

    @Test
    void eachKindOfErrorHasItsCode() {
        assertThat(ExitCodes.of(new FailedException("build failed"))).isEqualTo(1);
        assertThat(ExitCodes.of(new UsageException("bad flag"))).isEqualTo(2);
        assertThat(ExitCodes.of(new EnvironmentException("no engine", null))).isEqualTo(3);
    }

    @Test
    void aWrappedErrorKeepsItsCode() {
        var wrapped = new RuntimeException(new EnvironmentException("no engine", null));
        assertThat(ExitCodes.of(wrapped)).isEqualTo(3);
    }

    @Test
    void anythingElseIsAFailure() {
        assertThat(ExitCodes.of(new UncheckedIOException(new java.io.IOException("disk full")))).isEqualTo(1);
    }
}
