package io.xsbuild.fat;

import io.xsbuild.testing.HostTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * EFI images made by mformat and mkfs.fat, their files listed and rewritten by {@link FatImage},
 * then read back by mtools and checked by fsck.fat: the new content, grown or shrunk across
 * clusters, and a file system with nothing wrong.
 */
class FatImageTest {

    @TempDir
    Path dir;

    private String run(String... command) throws Exception {
        HostTools.assume(command[0]);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }

    /** An image with EFI/BOOT/grub.cfg, EFI/xenserver/grub-usb.cfg (a long name) and a file after them. */
    private Path image(String kind) throws Exception {
        Path img = dir.resolve("efiboot.img");
        switch (kind) {
            case "fat12" -> run("mformat", "-C", "-f", "1440", "-i", img.toString(), "::");
            case "fat16" -> {
                Files.write(img, new byte[32 << 20]);
                run("mkfs.fat", "-F", "16", "-s", "4", img.toString());
            }
            default -> {
                Files.write(img, new byte[64 << 20]);
                run("mkfs.fat", "-F", "32", img.toString());
            }
        }
        Path cfg = Files.writeString(dir.resolve("grub.cfg"), "menuentry install {\n" + "  module2 /boot/vmlinuz\n".repeat(60) + "}\n");
        Path after = Files.writeString(dir.resolve("after.bin"), "x".repeat(3000));
        run("mmd", "-i", img.toString(), "::/EFI", "::/EFI/BOOT", "::/EFI/xenserver");
        run("mcopy", "-i", img.toString(), cfg.toString(), "::/EFI/BOOT/grub.cfg");
        run("mcopy", "-i", img.toString(), cfg.toString(), "::/EFI/xenserver/grub-usb.cfg");
        run("mcopy", "-i", img.toString(), after.toString(), "::/EFI/BOOT/BOOTX64.EFI");
        return img;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fat12", "fat16", "fat32"})
    void rewrittenFilesReadBackWithMtoolsAndFsckFindsNothingWrong(String kind) throws Exception {
        Path img = image(kind);
        FatImage fat = FatImage.read(Files.readAllBytes(img), "efiboot.img");
        assertThat(fat.files()).extracting(FatImage.FatFile::path)
                .containsExactlyInAnyOrder("EFI/BOOT/grub.cfg", "EFI/xenserver/grub-usb.cfg", "EFI/BOOT/BOOTX64.EFI");
        FatImage.FatFile cfg = fat.files().stream().filter(f -> f.path().equals("EFI/BOOT/grub.cfg")).findFirst().orElseThrow();
        assertThat(new String(fat.read(cfg), StandardCharsets.UTF_8)).isEqualTo(Files.readString(dir.resolve("grub.cfg")));

        String grown = Files.readString(dir.resolve("grub.cfg")).replace("vmlinuz", "vmlinuz answerfile=file:///answerfile.xml install");
        fat.write(cfg, grown.getBytes(StandardCharsets.UTF_8));
        FatImage.FatFile usb = fat.files().stream().filter(f -> f.path().endsWith("grub-usb.cfg")).findFirst().orElseThrow();
        fat.write(usb, "set timeout=1\n".getBytes(StandardCharsets.UTF_8));
        Files.write(img, fat.bytes());

        assertThat(run("mtype", "-i", img.toString(), "::/EFI/BOOT/grub.cfg")).isEqualTo(grown);
        assertThat(run("mtype", "-i", img.toString(), "::/EFI/xenserver/grub-usb.cfg")).isEqualTo("set timeout=1\n");
        assertThat(run("mtype", "-i", img.toString(), "::/EFI/BOOT/BOOTX64.EFI")).isEqualTo("x".repeat(3000));
        assertThat(run("fsck.fat", "-n", img.toString())).doesNotContain("Free cluster summary wrong", "Reclaim", "lost");
        FatImage again = FatImage.read(Files.readAllBytes(img), "efiboot.img");
        assertThat(again.files()).extracting(FatImage.FatFile::size)
                .contains((long) grown.getBytes(StandardCharsets.UTF_8).length, 14L, 3000L);
    }

    @Test
    void whatIsNoFatImageIsRefused() throws Exception {
        assertThatThrownBy(() -> FatImage.read(new byte[4096], "efiboot.img")).isInstanceOf(FatException.class)
                .hasMessage("efiboot.img has no boot sector signature (55 AA at byte 510): not a FAT file system");
        Path img = image("fat12");
        byte[] bytes = Files.readAllBytes(img);
        byte[] truncated = java.util.Arrays.copyOf(bytes, 100_000);
        assertThatThrownBy(() -> FatImage.read(truncated, "efiboot.img")).isInstanceOf(FatException.class)
                .hasMessageContaining("efiboot.img says it has 2880 sectors of 512 bytes, but the image holds 100000 bytes");
        FatImage fat = FatImage.read(bytes, "efiboot.img");
        FatImage.FatFile cfg = fat.files().stream().filter(f -> f.path().equals("EFI/BOOT/grub.cfg")).findFirst().orElseThrow();
        byte[] looped = fat.bytes();
        int fatStart = 512;
        long c = cfg.firstCluster();
        int at = (int) (fatStart + c + c / 2);
        int v = (looped[at] & 0xff) | (looped[at + 1] & 0xff) << 8;
        v = c % 2 == 0 ? (v & 0xF000) | (int) c : (v & 0x000F) | (int) (c << 4);
        looped[at] = (byte) v;
        looped[at + 1] = (byte) (v >> 8);
        assertThatThrownBy(() -> FatImage.read(looped, "efiboot.img").read(cfg)).isInstanceOf(FatException.class)
                .hasMessageContaining("loops at cluster " + c);
        assertThat(List.of(cfg.size())).containsExactly(Files.size(dir.resolve("grub.cfg")));
    }
}
