package io.xsbuild.iso;

import io.xsbuild.event.Events;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Boot records, catalogs and partition tables that lie: each is refused with the image and the
 * byte named, as the tree's faults are, and what cannot be carried over is named too. Images are
 * made by xorriso, then changed byte by byte.
 */
class BootHostileTest {

    @TempDir
    static Path work;

    static Path plain;

    @BeforeAll
    static void images() throws Exception {
        Path tree = Files.createDirectories(work.resolve("tree/boot"));
        Files.write(tree.resolve("loader.bin"), BootCarryOverToolsTest.isolinux());
        byte[] efi = new byte[64 * 1024];
        new Random(4).nextBytes(efi);
        Files.write(tree.resolve("efi.img"), efi);
        Files.write(tree.resolve("data.bin"), new byte[256 * 1024]);
        plain = work.resolve("plain.iso");
        IsoTools.run("xorriso", "-as", "mkisofs", "-o", plain.toString(), "-R", "-c", "boot/boot.cat", "-b", "boot/loader.bin",
                "-no-emul-boot", "-boot-load-size", "4", "-eltorito-alt-boot", "-e", "boot/efi.img", "-no-emul-boot",
                work.resolve("tree").toString());
    }

    /** An isohybrid image with a GPT; needs syslinux's isohdpfx.bin. */
    private static Path hybrid() throws Exception {
        BootCarryOverToolsTest.requireIsohybridMbr();
        Path hybrid = work.resolve("hybrid.iso");
        if (!Files.exists(hybrid)) {
            IsoTools.run("xorriso", "-as", "mkisofs", "-o", hybrid.toString(), "-R", "-c", "boot/boot.cat", "-b", "boot/loader.bin",
                    "-no-emul-boot", "-isohybrid-mbr", BootCarryOverToolsTest.ISOHYBRID_MBR.toString(), "-eltorito-alt-boot",
                    "-e", "boot/efi.img", "-no-emul-boot", "-isohybrid-gpt-basdat", work.resolve("tree").toString());
        }
        return hybrid;
    }

    private static Path mutate(Path from, String name, Mutation m) throws Exception {
        byte[] bytes = Files.readAllBytes(from);
        m.apply(bytes);
        return Files.write(work.resolve(name), bytes);
    }

    private interface Mutation {
        void apply(byte[] image) throws Exception;
    }

    /** The byte where the boot record descriptor starts. */
    private static int bootRecord(byte[] image) {
        for (int block = 16; block < 32; block++) {
            int at = block * 2048;
            if (image[at] == 0 && new String(image, at + 7, 23, StandardCharsets.US_ASCII).equals("EL TORITO SPECIFICATION")) {
                return at;
            }
        }
        throw new AssertionError("no boot record");
    }

    private static int catalog(byte[] image) {
        return (int) Mbr.u32(image, bootRecord(image) + 71) * 2048;
    }

    @Test
    void aCatalogPastTheVolumeIsRefused() throws Exception {
        Path bad = mutate(plain, "far.iso", b -> Fields.le32(b, bootRecord(b) + 71, 0x00FFFFFFL));
        try (IsoImage image = IsoImage.open(bad)) {
            assertThatThrownBy(image::bootInfo).isInstanceOf(CorruptIsoException.class)
                    .hasMessageContaining("the El Torito boot record puts the catalog at block 16777215, past the end of the volume");
        }
    }

    @Test
    void aCatalogThatIsNotOneIsRefused() throws Exception {
        Path key = mutate(plain, "key.iso", b -> b[catalog(b) + 30] = 0);
        Path sum = mutate(plain, "sum.iso", b -> b[catalog(b) + 4] ^= 1);
        Path indicator = mutate(plain, "indicator.iso", b -> b[catalog(b) + 32] = 0x42);
        Path count = mutate(plain, "count.iso", b -> Fields.le16(b, catalog(b) + 64 + 2, 0xFFFF));
        try (IsoImage a = IsoImage.open(key); IsoImage c = IsoImage.open(sum); IsoImage d = IsoImage.open(indicator);
             IsoImage e = IsoImage.open(count)) {
            assertThatThrownBy(a::bootInfo).isInstanceOf(CorruptIsoException.class)
                    .hasMessageContaining("does not start with a validation entry");
            assertThatThrownBy(c::bootInfo).hasMessageContaining("the El Torito validation entry's checksum does not sum to zero");
            assertThatThrownBy(d::bootInfo).hasMessageContaining("boot indicator 0x42 (El Torito allows 0x88 and 0x00)");
            assertThatThrownBy(e::bootInfo).isInstanceOf(CorruptIsoException.class).hasMessageContaining("boot catalog");
        }
    }

    @Test
    void aGptThatFailsItsCrcIsRefused() throws Exception {
        Path header = mutate(hybrid(), "gpt-header.iso", b -> b[512 + 40] ^= 1);
        Path array = mutate(hybrid(), "gpt-array.iso", b -> b[1024 + 32] ^= 1);
        Path outside = mutate(hybrid(), "gpt-far.iso", b -> {
            Gpt.le64(b, 512 + 72, 100);
            Fields.le32(b, 512 + 16, 0);
            CRC32 crc = new CRC32();
            crc.update(b, 512, 92);
            Fields.le32(b, 512 + 16, crc.getValue());
        });
        for (Path p : List.of(header, array, outside)) {
            try (IsoImage image = IsoImage.open(p)) {
                assertThatThrownBy(() -> BootCarryOver.of(image)).isInstanceOf(IsoException.class)
                        .hasMessageContaining(p.toString()).hasMessageMatching(".*(CRC32 does not match|outside the system area).*");
            }
        }
    }

    @Test
    void aPartitionOrBootImageInsideTheTreeButNotAtAFileIsNamed() throws Exception {
        Path partition = mutate(hybrid(), "partition.iso", b -> Fields.le32(b, 446 + 16 + 8, Mbr.u32(b, 446 + 16 + 8) + 2));
        Path entry = mutate(plain, "entry.iso", b -> Fields.le32(b, catalog(b) + 32 + 8, Mbr.u32(b, catalog(b) + 32 + 8) + 1));
        try (IsoImage a = IsoImage.open(partition); IsoImage b = IsoImage.open(entry)) {
            assertThatThrownBy(() -> BootCarryOver.of(a)).isInstanceOf(UnsupportedIsoException.class)
                    .hasMessageContaining("MBR partition 2 starting at sector").hasMessageContaining("not at the start of a file");
            assertThatThrownBy(() -> BootCarryOver.of(b)).isInstanceOf(UnsupportedIsoException.class)
                    .hasMessageContaining("an El Torito BIOS boot image at block").hasMessageContaining("neither a file of the image");
        }
    }

    @Test
    void anApplePartitionMapIsLeftOutWithAWarning() throws Exception {
        BootCarryOverToolsTest.requireIsohybridMbr();
        Path mbrOnly = work.resolve("mbr-only.iso");
        IsoTools.run("xorriso", "-as", "mkisofs", "-o", mbrOnly.toString(), "-R", "-c", "boot/boot.cat", "-b", "boot/loader.bin",
                "-no-emul-boot", "-isohybrid-mbr", BootCarryOverToolsTest.ISOHYBRID_MBR.toString(), work.resolve("tree").toString());
        Path apm = mutate(mbrOnly, "apm.iso", b -> {
            b[512] = 'P';
            b[513] = 'M';
        });
        try (IsoImage image = IsoImage.open(apm)) {
            BootCarryOver boot = BootCarryOver.of(image);
            assertThat(boot.warnings()).containsExactly("the Apple partition map of " + apm
                    + " is not carried over (Macs that boot from it will not)");
            assertThat(java.util.Arrays.copyOfRange(boot.systemArea().bytes(), 512, 32768)).isEqualTo(new byte[32768 - 512]);
            assertThat(boot.systemArea().mbr()).hasSize(1);
        }
    }

    @Test
    void theWriterNamesABootImageTheTreeDoesNotHold() throws Exception {
        BootCatalog catalog;
        try (IsoImage image = IsoImage.open(plain)) {
            catalog = image.bootInfo().catalog();
        }
        ElTorito setup = new ElTorito(catalog, "boot.cat", List.of(new ElTorito.Image(new Anchor.FileStart("boot/none.bin"), true, false),
                new ElTorito.Image(new Anchor.FileStart("efi.img"), false, false)));
        IsoWriter writer = new IsoWriter("BAD", WriterTree.EPOCH).addBytes("efi.img", new byte[4096]).elTorito(setup);
        assertThatThrownBy(() -> writer.write(work.resolve("bad.iso"), Events.NONE)).isInstanceOf(IsoWriteException.class)
                .hasMessage("an El Torito boot image is to be boot/none.bin, which the image does not hold as a file");
        assertThat(work.resolve("bad.iso")).doesNotExist();
    }

    @Test
    void aHiddenCatalogIsWrittenWhereTheBootRecordSaysAndNoFileNamesIt() throws Exception {
        try (IsoImage image = IsoImage.open(plain)) {
            BootCarryOver boot = BootCarryOver.of(image);
            IsoWriter writer = new IsoWriter("HIDDEN", WriterTree.EPOCH);
            for (IsoEntry e : image.entries()) {
                if (!e.path().equals(boot.catalog())) {
                    writer.addFromImage(image, e);
                }
            }
            writer.elTorito(new ElTorito(boot.elTorito().catalog(), null, boot.elTorito().images()));
            Path out = work.resolve("hidden.iso");
            writer.write(out, Events.NONE);
            String report = IsoTools.run("xorriso", "-indev", out.toString(), "-report_el_torito", "plain");
            assertThat(report).contains("El Torito img path :   1  /boot/loader.bin", "El Torito img path :   2  /boot/efi.img")
                    .doesNotContain("El Torito cat path");
            try (IsoImage written = IsoImage.open(out)) {
                assertThat(written.find("boot/boot.cat")).isEmpty();
                assertThat(written.bootInfo().catalog().entries()).hasSize(2);
            }
        }
    }
}
