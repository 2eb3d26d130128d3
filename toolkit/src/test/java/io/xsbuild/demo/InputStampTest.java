package io.xsbuild.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A step is skipped only when what it was made from is unchanged. */
class InputStampTest {

    @TempDir
    Path tmp;

    @Test
    void aStampMatchesUntilAWordAFileNameOrAFilesContentChanges() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in/sub"));
        Files.writeString(in.resolve("a.spec"), "one");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path inputs = tmp.resolve("in");

        assertThat(InputStamp.of(List.of("w"), List.of(inputs)).matches(out)).isFalse();
        InputStamp.of(List.of("w"), List.of(inputs)).write(out);
        assertThat(InputStamp.of(List.of("w"), List.of(inputs)).matches(out)).isTrue();
        assertThat(InputStamp.of(List.of("x"), List.of(inputs)).matches(out)).isFalse();

        Files.writeString(in.resolve("a.spec"), "two");
        assertThat(InputStamp.of(List.of("w"), List.of(inputs)).matches(out)).isFalse();
        Files.writeString(in.resolve("a.spec"), "one");
        assertThat(InputStamp.of(List.of("w"), List.of(inputs)).matches(out)).isTrue();
        Files.move(in.resolve("a.spec"), in.resolve("b.spec"));
        assertThat(InputStamp.of(List.of("w"), List.of(inputs)).matches(out)).isFalse();
    }

    @Test
    void aStampInTheInputsDoesNotCountAsAnInput() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        Files.writeString(dir.resolve("f"), "x");
        InputStamp stamp = InputStamp.of(List.of(), List.of(dir));
        stamp.write(dir);
        assertThat(InputStamp.of(List.of(), List.of(dir)).matches(dir)).isTrue();
    }
}
