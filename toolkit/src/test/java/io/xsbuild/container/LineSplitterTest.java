package io.xsbuild.container;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineSplitterTest {

    private final List<String> lines = new ArrayList<>();
    private final LineSplitter splitter = new LineSplitter((stream, line) -> lines.add(stream + ":" + line));

    @Test
    void linesAreSplitAtNewlinesWithoutTheirCarriageReturnsAndEachStreamKeepsItsOwn() {
        splitter.write(LineSink.Stream.STDOUT, bytes("one\r\ntw"));
        splitter.write(LineSink.Stream.STDERR, bytes("warn"));
        splitter.write(LineSink.Stream.STDOUT, bytes("o\n\nthree"));
        splitter.write(LineSink.Stream.STDERR, bytes("ing\n"));
        assertThat(lines).containsExactly("STDOUT:one", "STDOUT:two", "STDOUT:", "STDERR:warning");
        splitter.finish();
        assertThat(lines).endsWith("STDOUT:three").hasSize(5);
    }

    @Test
    void aCharacterCutBetweenTwoChunksIsDecodedWhole() {
        byte[] text = bytes("Grüße – 日本\n");
        for (int i = 0; i < text.length; i++) {
            splitter.write(LineSink.Stream.STDOUT, Arrays.copyOfRange(text, i, i + 1));
        }
        splitter.finish();
        assertThat(lines).containsExactly("STDOUT:Grüße – 日本");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
