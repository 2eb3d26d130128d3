package io.xsbuild.it;

import io.xsbuild.testing.InstallerIso;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C in the middle of a remaster, while it rewrites a large initrd, leaves nothing behind:
 * no output image, no half-written one, no staging directory; the input is as it was.
 */
class RemasterInterruptIT {

    @TempDir
    Path dir;

    @Test
    void ctrlCWhileTheInitrdIsRewrittenLeavesNothingBehind() throws Exception {
        InstallerIso.requireTools();
        Path initrd = Files.createDirectories(dir.resolve("initrd"));
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(11);
        try (OutputStream out = Files.newOutputStream(initrd.resolve("big"))) {
            for (int i = 0; i < 200; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        Path tree = Files.createDirectories(dir.resolve("tree"));
        InstallerIso.sh(initrd, "find . | cpio -o -H newc 2>/dev/null | gzip -1 > " + tree.resolve("install.img"));
        Path iso = dir.resolve("in.iso");
        InstallerIso.run(dir, "xorriso", "-as", "mkisofs", "-o", iso.toString(), "-R", tree.toString());
        long size = Files.size(iso);
        Path note = Files.writeString(dir.resolve("note.txt"), "hello\n");

        XsbuildProcess xsbuild = XsbuildProcess.start(dir, Map.of(), "iso", "remaster", "--iso", "in.iso", "--out", "out.iso",
                "--file", note + ":/note.txt");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (staged().stream().noneMatch(p -> p.getFileName().toString().equals("install.img") && size(p) > 1 << 20)) {
            assertThat(System.nanoTime()).as("the initrd is being rewritten; so far:\n" + xsbuild.errSoFar()).isLessThan(deadline);
            Thread.sleep(50);
        }
        xsbuild.signal("INT");
        XsbuildProcess.Result result = xsbuild.await(1, TimeUnit.MINUTES);

        assertThat(result.exit()).as(result.err()).isEqualTo(130);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("in.iso", "initrd", "note.txt", "tree");
        }
        assertThat(Files.size(iso)).isEqualTo(size);
    }

    private List<Path> staged() throws Exception {
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            return walk.filter(p -> dir.relativize(p).toString().startsWith(".out.iso.remaster-")).toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            return 0;
        }
    }
}
