package io.xsbuild.files;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UntarTest {

    @TempDir
    Path dir;

    private static byte[] tar(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] data = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(namesAndContents[i]);
                e.setSize(data.length);
                e.setMode(0100755);
                out.putArchiveEntry(e);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void extractsFilesUnderTheDirectoryKeepingTheExecutableBit() throws IOException {
        List<Path> files = Untar.extract(new ByteArrayInputStream(tar("RPMS/x86_64/a.rpm", "rpm", "run.sh", "#!")), dir);
        assertThat(files).containsExactly(dir.resolve("RPMS/x86_64/a.rpm"), dir.resolve("run.sh"));
        assertThat(Files.readString(dir.resolve("RPMS/x86_64/a.rpm"))).isEqualTo("rpm");
        assertThat(Files.isExecutable(dir.resolve("run.sh"))).isTrue();
    }

    @Test
    void refusesEntriesThatClimbOutOfTheDirectory() throws IOException {
        byte[] evil = tar("../escaped", "x");
        assertThatThrownBy(() -> Untar.extract(new ByteArrayInputStream(evil), dir.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("../escaped");
        assertThat(dir.resolve("escaped")).doesNotExist();
    }
}
