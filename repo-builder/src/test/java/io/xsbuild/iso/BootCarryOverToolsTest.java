package io.xsbuild.iso;

import io.xsbuild.event.Events;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bootable images made by xorriso, written again by {@link IsoWriter} from their own trees with
 * the boot setup {@link BootCarryOver} restates, then read with xorriso: the same El Torito
 * images with the same options, the same MBR and GPT partitions covering the same files (the EFI
 * image, the whole image, an appended partition), a valid boot info table, isohybrid's pointer
 * to isolinux, and a sound image.
 */
class BootCarryOverToolsTest {

    static final Path ISOHYBRID_MBR = Path.of("/usr/lib/ISOLINUX/isohdpfx.bin");
    static final Path ISOLINUX = Path.of("/usr/lib/ISOLINUX/isolinux.bin");

    @TempDir
    static Path work;

    static Path tree;
    static Path efi;

    @BeforeAll
    static void tree() throws IOException {
        tree = work.resolve("tree");
        Files.createDirectories(tree.resolve("boot/isolinux"));
        Files.createDirectories(tree.resolve("EFI/BOOT"));
        Files.createDirectories(tree.resolve("Packages"));
        Files.write(tree.resolve("boot/isolinux/isolinux.bin"), isolinux());
        Files.writeString(tree.resolve("boot/isolinux/isolinux.cfg"), "DEFAULT install\nLABEL install\n  KERNEL mboot.c32\n");
        byte[] image = new byte[1440 * 1024];
        new Random(7).nextBytes(image);
        efi = Files.write(tree.resolve("boot/efiboot.img"), image);
        Files.write(work.resolve("efiboot.img"), image);
        Files.writeString(tree.resolve("EFI/BOOT/grub.cfg"), "menuentry install {\n}\n");
        byte[] big = new byte[3 << 20];
        new Random(8).nextBytes(big);
        Files.write(tree.resolve("Packages/big-1.0-1.x86_64.rpm"), big);
        Files.writeString(tree.resolve(".treeinfo"), "[platform]\nname = XCP\n");
    }

    /** isolinux.bin from Debian's isolinux package, or a stand-in with its isohybrid signature at byte 64. */
    static byte[] isolinux() throws IOException {
        if (Files.isReadable(ISOLINUX)) {
            return Files.readAllBytes(ISOLINUX);
        }
        byte[] stand = new byte[40_000];
        new Random(9).nextBytes(stand);
        byte[] magic = {(byte) 0xfb, (byte) 0xc0, 0x78, 0x70};
        System.arraycopy(magic, 0, stand, 64, 4);
        return stand;
    }

    private static List<String> mkisofs(Path out, String... boot) {
        List<String> cmd = new ArrayList<>(List.of("xorriso", "-as", "mkisofs", "-o", out.toString(), "-R", "-J", "-V", "XS-INSTALL",
                "-c", "boot/isolinux/boot.cat", "-b", "boot/isolinux/isolinux.bin", "-no-emul-boot", "-boot-load-size", "4",
                "-boot-info-table"));
        cmd.addAll(List.of(boot));
        cmd.add(tree.toString());
        return cmd;
    }

    static void requireIsohybridMbr() {
        if (!Files.isReadable(ISOHYBRID_MBR)) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI must provide " + ISOHYBRID_MBR + " (apt-get install isolinux)");
            }
            Assumptions.abort(ISOHYBRID_MBR + " is not installed (apt-get install isolinux)");
        }
    }

    /** Writes {@code in} again from its own tree, with its boot setup carried over. */
    static Path rewrite(Path in, Path out) throws Exception {
        try (IsoImage image = IsoImage.open(in)) {
            BootCarryOver boot = BootCarryOver.of(image);
            IsoWriter writer = new IsoWriter(image.volume().volumeId(), image.volume().created())
                    .modificationDate(image.bootInfo().modifiedField());
            for (IsoEntry e : image.entries()) {
                if (!e.path().equals(boot.catalog())) {
                    writer.addFromImage(image, e);
                }
            }
            if (boot.elTorito() != null) {
                writer.elTorito(boot.elTorito());
            }
            if (boot.systemArea() != null) {
                writer.systemArea(boot.systemArea());
            }
            writer.write(out, Events.NONE);
        }
        return out;
    }

    private static String report(Path iso) throws Exception {
        return IsoTools.run("xorriso", "-indev", iso.toString(), "-report_el_torito", "plain", "-report_system_area", "plain");
    }

    /** The report's lines that say what boots, with block numbers (which move) left out. */
    private static List<String> bootLines(String report) {
        List<String> lines = new ArrayList<>();
        for (String line : report.lines().toList()) {
            if (line.startsWith("El Torito boot img")) {
                lines.add(line.replaceAll("\\s+\\d+$", ""));
            } else if (line.startsWith("El Torito img path") || line.startsWith("El Torito img opts")
                    || line.startsWith("El Torito cat path") || line.startsWith("System area summary")
                    || line.startsWith("MBR partition path") || line.startsWith("GPT partition path")
                    || line.startsWith("GPT type GUID") || line.startsWith("GPT partition flags")
                    || line.startsWith("GPT partname local") || line.startsWith("GPT disk GUID")
                    || line.startsWith("MBR heads per cyl") || line.startsWith("MBR secs per head")) {
                lines.add(line);
            } else if (line.startsWith("MBR partition      :")) {
                String[] f = line.split("\\s+");
                lines.add("MBR partition " + f[3] + " " + f[4] + " " + f[5]);
            }
        }
        return lines;
    }

    private static long number(String report, String pattern) {
        Matcher m = Pattern.compile(pattern, Pattern.MULTILINE).matcher(report);
        assertThat(m.find()).as(pattern + " in\n" + report).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void assertSound(Path iso) throws Exception {
        String checked = IsoTools.run("xorriso", "-abort_on", "NEVER", "-report_about", "WARNING", "-indev", iso.toString(),
                "-check_media", "--");
        assertThat(checked).doesNotContain("FAILURE", "SORRY").contains("+ good");
    }

    /** The extracted trees are the same but for the catalog and isolinux.bin's boot info table. */
    private static void assertSameTree(Path in, Path out) throws Exception {
        Path a = work.resolve(in.getFileName() + ".x");
        Path b = work.resolve(out.getFileName() + ".x");
        IsoTools.extract(in, a);
        IsoTools.extract(out, b);
        assertThat(TreeSnapshot.of(b).nodes().keySet()).isEqualTo(TreeSnapshot.of(a).nodes().keySet());
        try (Stream<Path> files = Files.walk(a)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = a.relativize(f).toString();
                byte[] x = Files.readAllBytes(f);
                byte[] y = Files.readAllBytes(b.resolve(rel));
                if (rel.endsWith("boot.cat")) {
                    continue;
                }
                if (rel.endsWith("isolinux.bin")) {
                    assertThat(java.util.Arrays.copyOfRange(y, 64, y.length)).isEqualTo(java.util.Arrays.copyOfRange(x, 64, x.length));
                    assertThat(java.util.Arrays.copyOf(y, 8)).isEqualTo(java.util.Arrays.copyOf(x, 8));
                    continue;
                }
                assertThat(y).as(rel).isEqualTo(x);
            }
        }
    }

    /** Checks the boot info table isolinux finds itself by: descriptor 16, its block, its length, its words' sum. */
    private static void assertBootInfoTable(Path iso, String path) throws Exception {
        try (IsoImage image = IsoImage.open(iso)) {
            IsoEntry file = image.find(path).orElseThrow();
            byte[] bytes = image.readAllBytes(file, 1 << 20);
            long sum = 0;
            for (int i = 64; i < bytes.length; i += 4) {
                for (int k = 0; k < 4 && i + k < bytes.length; k++) {
                    sum += (bytes[i + k] & 0xffL) << (8 * k);
                }
            }
            assertThat(Mbr.u32(bytes, 8)).isEqualTo(16);
            assertThat(Mbr.u32(bytes, 12)).isEqualTo(file.extents().get(0).offset() / 2048);
            assertThat(Mbr.u32(bytes, 16)).isEqualTo(bytes.length);
            assertThat(Mbr.u32(bytes, 20)).isEqualTo(sum & 0xFFFF_FFFFL);
        }
    }

    @Test
    void biosAndEfiImagesWithoutAHybridAreaKeepTheirEntries() throws Exception {
        Path in = work.resolve("plain.iso");
        IsoTools.run(mkisofs(in, "-eltorito-alt-boot", "-e", "boot/efiboot.img", "-no-emul-boot"));
        Path out = rewrite(in, work.resolve("plain-out.iso"));

        String before = report(in);
        String after = report(out);
        assertThat(bootLines(after)).isEqualTo(bootLines(before)).contains(
                "El Torito boot img :   1  BIOS  y   none  0x0000  0x00      4",
                "El Torito img path :   2  /boot/efiboot.img",
                "El Torito img opts :   1  boot-info-table isohybrid-suitable");
        assertThat(Files.readAllBytes(out)).startsWith(new byte[32768]);
        assertBootInfoTable(out, "boot/isolinux/isolinux.bin");
        assertSound(out);
        assertSameTree(in, out);
        try (IsoImage a = IsoImage.open(in); IsoImage b = IsoImage.open(out)) {
            assertThat(b.bootInfo().modifiedField()).as("GRUB's UUID of the volume").isEqualTo(a.bootInfo().modifiedField());
            assertThat(b.volume().volumeId()).isEqualTo(a.volume().volumeId());
        }
    }

    @Test
    void anIsohybridMbrWithAGptKeepsItsPartitionsOnTheSameFiles() throws Exception {
        requireIsohybridMbr();
        Path in = work.resolve("gpt.iso");
        IsoTools.run(mkisofs(in, "-isohybrid-mbr", ISOHYBRID_MBR.toString(), "-eltorito-alt-boot", "-e", "boot/efiboot.img",
                "-no-emul-boot", "-isohybrid-gpt-basdat"));
        Path out = rewrite(in, work.resolve("gpt-out.iso"));

        String before = report(in);
        String after = report(out);
        assertThat(bootLines(after)).isEqualTo(bootLines(before)).contains(
                "System area summary: MBR isohybrid cyl-align-on GPT",
                "MBR partition path :   2  /boot/efiboot.img",
                "GPT partition path :   2  /boot/efiboot.img");
        long sectors = Files.size(out) / 512;
        assertThat(sectors % 2048).as("padded to a 1 MiB cylinder").isZero();
        assertThat(number(after, "^MBR partition      :   1   0x80  0x00\\s+0\\s+(\\d+)$")).isEqualTo(sectors);
        assertThat(number(after, "^GPT lba range      :\\s+64\\s+\\d+\\s+(\\d+)$")).isEqualTo(sectors - 1);
        long isolinux = number(after, "^El Torito boot img :   1  BIOS .* (\\d+)$");
        assertThat(Mbr.bootPointer(Files.readAllBytes(out))).as("isohybrid's pointer to isolinux.bin").isEqualTo(isolinux * 4);
        assertBootInfoTable(out, "boot/isolinux/isolinux.bin");
        assertSound(out);
        assertSameTree(in, out);
    }

    @Test
    void anEfiPartitionAppendedAfterTheVolumeIsCopiedAndStillBoots() throws Exception {
        requireIsohybridMbr();
        Path in = work.resolve("appended.iso");
        IsoTools.run(mkisofs(in, "-isohybrid-mbr", ISOHYBRID_MBR.toString(), "-append_partition", "2", "0xef",
                work.resolve("efiboot.img").toString(), "-eltorito-alt-boot", "-e", "--interval:appended_partition_2:all::",
                "-no-emul-boot"));
        Path out = rewrite(in, work.resolve("appended-out.iso"));

        String before = report(in);
        String after = report(out);
        assertThat(bootLines(after)).isEqualTo(bootLines(before))
                .contains("MBR partition 2 0x00 0xef", "El Torito boot img :   2  UEFI  y   none  0x0000  0x00   2880");
        long start = number(after, "^MBR partition      :   2   0x00  0xef\\s+(\\d+)\\s+2880$");
        long efiBlock = number(after, "^El Torito boot img :   2  UEFI .* (\\d+)$");
        assertThat(efiBlock * 4).as("the El Torito EFI entry names the appended partition").isEqualTo(start);
        byte[] image = Files.readAllBytes(out);
        assertThat(java.util.Arrays.copyOfRange(image, (int) start * 512, (int) start * 512 + 2880 * 512))
                .isEqualTo(Files.readAllBytes(work.resolve("efiboot.img")));
        assertThat(number(after, "^MBR partition      :   1   0x80  0x17\\s+0\\s+(\\d+)$")).isEqualTo(start);
        assertSound(out);
        assertSameTree(in, out);
    }

    @Test
    void genisoimageWithIsohybridUefiKeepsItsPartitionsOnTheVolumeAndTheEfiImage() throws Exception {
        IsoTools.require("genisoimage");
        IsoTools.require("isohybrid");
        Path in = work.resolve("isohybrid.iso");
        IsoTools.run("genisoimage", "-quiet", "-o", in.toString(), "-r", "-J", "-V", "XCP-ng", "-c", "boot/isolinux/boot.cat",
                "-b", "boot/isolinux/isolinux.bin", "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table",
                "-eltorito-alt-boot", "-e", "boot/efiboot.img", "-no-emul-boot", tree.toString());
        IsoTools.run("isohybrid", "--uefi", in.toString());
        Path out = rewrite(in, work.resolve("isohybrid-out.iso"));

        String before = report(in);
        String after = report(out);
        assertThat(bootLines(after)).isEqualTo(bootLines(before)).contains(
                "System area summary: MBR isohybrid cyl-align-on GPT", "GPT partname local :   1  ISOHybrid ISO",
                "MBR partition path :   2  /boot/efiboot.img", "GPT partition path :   2  /boot/efiboot.img");
        long volume = number(after, "^ISO image size/512 : (\\d+)$");
        assertThat(number(after, "^GPT start and size :   1  0\\s+(\\d+)$")).as("the GPT's ISO partition is the volume")
                .isEqualTo(volume);
        long sectors = Files.size(out) / 512;
        assertThat(sectors % 2048).as("padded to a 1 MiB cylinder, as isohybrid pads").isZero();
        assertThat(sectors).isGreaterThan(volume);
        assertThat(number(after, "^MBR partition      :   1   0x80  0x00\\s+0\\s+(\\d+)$")).isEqualTo(sectors);
        assertBootInfoTable(out, "boot/isolinux/isolinux.bin");
        assertSound(out);
        assertSameTree(in, out);
    }

    @Test
    void grub2sBootInfoIsWrittenForTheImagesNewBlock() throws Exception {
        Path grub = Files.createDirectories(work.resolve("grub/boot"));
        byte[] eltorito = new byte[12_000];
        new Random(12).nextBytes(eltorito);
        Files.write(grub.resolve("eltorito.img"), eltorito);
        Files.write(grub.resolve("padding.bin"), new byte[100_000]);
        Path in = work.resolve("grub2.iso");
        IsoTools.run("xorriso", "-as", "mkisofs", "-o", in.toString(), "-R", "-c", "boot.cat", "-b", "boot/eltorito.img",
                "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table", "--grub2-boot-info", work.resolve("grub").toString());
        Path out = rewrite(in, work.resolve("grub2-out.iso"));
        assertThat(bootLines(report(out))).isEqualTo(bootLines(report(in)))
                .contains("El Torito img opts :   1  boot-info-table grub2-boot-info");
        try (IsoImage image = IsoImage.open(out)) {
            IsoEntry file = image.find("boot/eltorito.img").orElseThrow();
            byte[] bytes = image.readAllBytes(file, 1 << 20);
            assertThat(Gpt.u64(bytes, 2548)).isEqualTo(file.extents().get(0).offset() / 512 + 5);
        }
    }

    @Test
    void aRewrittenImageRewritesToTheSameBytes() throws Exception {
        requireIsohybridMbr();
        Path in = work.resolve("again.iso");
        IsoTools.run(mkisofs(in, "-isohybrid-mbr", ISOHYBRID_MBR.toString(), "-eltorito-alt-boot", "-e", "boot/efiboot.img",
                "-no-emul-boot", "-isohybrid-gpt-basdat"));
        Path once = rewrite(in, work.resolve("once.iso"));
        Path twice = rewrite(once, work.resolve("twice.iso"));
        assertThat(Files.readAllBytes(twice)).isEqualTo(Files.readAllBytes(once));
    }
}
