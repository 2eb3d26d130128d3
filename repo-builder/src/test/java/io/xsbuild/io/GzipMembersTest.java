package io.xsbuild.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GzipMembersTest {

    @TempDir
    Path tmp;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] members(String... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GzipMembers.Writer writer = new GzipMembers.Writer();
        for (int i = 0; i < parts.length; i++) {
            byte[] data = text(parts[i]);
            writer.write(out, data, data.length, text("payload " + i));
        }
        writer.close();
        return out.toByteArray();
    }

    @Test
    void membersReadAsOneStreamByGzipAndTheJdkAndEachFromItsHeaderAlone() throws Exception {
        String[] parts = {"<?xml?>\n", "one ".repeat(5000), "", "two ".repeat(70_000), "</end>"};
        byte[] file = members(parts);
        Path gz = Files.write(tmp.resolve("m.gz"), file);
        Process zcat = new ProcessBuilder("gzip", "-dc", gz.toString()).start();
        byte[] byGzip = zcat.getInputStream().readAllBytes();
        assertThat(zcat.waitFor()).isZero();
        String all = String.join("", parts);
        assertThat(new String(byGzip, StandardCharsets.UTF_8)).isEqualTo(all);
        assertThat(new String(new GZIPInputStream(Files.newInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(all);

        List<GzipMembers.Member> members = GzipMembers.members(ByteBuffer.wrap(file));
        assertThat(members).hasSize(parts.length);
        Inflater inflater = new Inflater(true);
        for (int i = 0; i < parts.length; i++) {
            GzipMembers.Member m = members.get(i);
            assertThat(new String(m.payload(), StandardCharsets.UTF_8)).isEqualTo("payload " + i);
            assertThat(new String(GzipMembers.inflate(ByteBuffer.wrap(file), m, inflater), StandardCharsets.UTF_8))
                    .isEqualTo(parts[i]);
        }
        assertThat(members.get(members.size() - 1).offset() + members.get(members.size() - 1).length())
                .isEqualTo(file.length);
    }

    @Test
    void aFileNotAllMembersOfThisFormHasNone() throws Exception {
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(single)) {
            out.write(text("written in one stream"));
        }
        assertThat(GzipMembers.members(ByteBuffer.wrap(single.toByteArray()))).isNull();
        byte[] file = members("a".repeat(100), "b".repeat(100));
        assertThat(GzipMembers.members(ByteBuffer.wrap(java.util.Arrays.copyOf(file, file.length - 3)))).isNull();
        byte[] followed = java.util.Arrays.copyOf(file, file.length + single.size());
        System.arraycopy(single.toByteArray(), 0, followed, file.length, single.size());
        assertThat(GzipMembers.members(ByteBuffer.wrap(followed))).isNull();
        assertThat(GzipMembers.members(ByteBuffer.wrap(new byte[0]))).isEmpty();
    }

    @Test
    void aDamagedMemberIsAnErrorWhenInflated() throws Exception {
        byte[] file = members("x".repeat(10), "the second member's text");
        GzipMembers.Member second = GzipMembers.members(ByteBuffer.wrap(file)).get(1);
        byte[] crc = file.clone();
        crc[(int) (second.offset() + second.length() - 6)] ^= 1;
        assertThatThrownBy(() -> GzipMembers.inflate(ByteBuffer.wrap(crc), second, new Inflater(true)))
                .isInstanceOf(IOException.class).hasMessageContaining("CRC-32");
        byte[] data = file.clone();
        data[(int) second.dataOffset() + 3] ^= 0x40;
        assertThatThrownBy(() -> GzipMembers.inflate(ByteBuffer.wrap(data), second, new Inflater(true)))
                .isInstanceOf(IOException.class);
    }
}
