package io.xsbuild.rpm.header;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderTextTest {

    private static String decode(byte... bytes) {
        return HeaderText.decode(bytes, 0, bytes.length);
    }

    @Test
    void utf8StaysUtf8() {
        byte[] utf8 = "Balíček ě".getBytes(StandardCharsets.UTF_8);
        assertThat(HeaderText.decode(utf8, 0, utf8.length)).isEqualTo("Balíček ě");
    }

    @Test
    void otherBytesAreLatin1WithoutTheC1Range() {
        assertThat(decode((byte) 'a', (byte) 0xe0, (byte) 0x80, (byte) 0x9f, (byte) 0xbf, (byte) 0xff))
                .isEqualTo("aàÿ");
    }

    @Test
    void aLeadByteWithoutItsContinuationIsNotUtf8() {
        assertThat(decode((byte) 0xc3, (byte) 'x')).isEqualTo("Ãx");
        assertThat(decode((byte) 0xe2, (byte) 0x82)).isEqualTo("â");
    }

    @Test
    void controlCharactersOtherThanTabAndNewlinesAreFound() {
        assertThat(HeaderText.forbiddenCharacter("a\tb\nc\rd")).isEqualTo(-1);
        assertThat(HeaderText.forbiddenCharacter("ab\u001b")).isEqualTo(2);
    }
}
