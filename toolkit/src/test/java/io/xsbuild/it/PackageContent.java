package io.xsbuild.it;

import io.xsbuild.testing.HostTools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a package holds, as rpm2cpio and cpio unpack it on the host. */
final class PackageContent {

    private PackageContent() {
    }

    /** The bytes of {@code file} in the payload of {@code rpm}: a path as cpio lists it ({@code ./usr/bin/x}, {@code x.tar.gz}). */
    static byte[] bytes(Path rpm, String file) throws IOException, InterruptedException {
        HostTools.assume("rpm2cpio");
        HostTools.assume("cpio");
        Process p = new ProcessBuilder("sh", "-c", "rpm2cpio \"$1\" | cpio -i --quiet --to-stdout \"$2\"", "sh",
                rpm.toString(), file).start();
        byte[] content = p.getInputStream().readAllBytes();
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(errors).isZero();
        return content;
    }

    /** The text of an installed file, {@code /usr/share/x}, in {@code rpm}, trimmed. */
    static String text(Path rpm, String installedPath) throws IOException, InterruptedException {
        return new String(bytes(rpm, "." + installedPath), StandardCharsets.UTF_8).strip();
    }
}
