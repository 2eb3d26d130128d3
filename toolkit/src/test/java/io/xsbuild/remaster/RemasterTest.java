package io.xsbuild.remaster;

import io.xsbuild.cli.CliRun;
import io.xsbuild.container.FakeRuntime;
import io.xsbuild.testing.HostTools;
import io.xsbuild.testing.InstallerIso;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code xsbuild iso remaster} on an installer-shaped image made by the real tools
 * ({@link InstallerIso}), its output checked with the real tools: xorriso reports the same El
 * Torito entries and partitions, cpio unpacks the answer file and the extras from the initrd in
 * its compression, the ISOLINUX and GRUB configurations (the one inside the EFI image too, read
 * with mtools) name the answer file on the default entry, isoinfo lists the tree with the new
 * package in place of the old, and the input is unchanged. (dnf reads the new repodata in
 * {@code RemasterDnfIT}.)
 */
class RemasterTest {

    static final String ARGS = "answerfile=file:///answerfile.xml install";

    @TempDir
    static Path work;

    static Path iso;
    static Path patched;
    static Path answers;
    static Path script;

    @BeforeAll
    static void image() throws Exception {
        iso = InstallerIso.build(Files.createDirectories(work.resolve("gzip")), "gzip -9");
        patched = work.resolve("RPMS");
        InstallerIso.rpm(work, patched.resolve("noarch"), "xcp-networkd", "0.9.6", "2.patched", "libnet-helper");
        InstallerIso.rpm(work, patched.resolve("noarch"), "extra-tool", "1.0", "1", null);
        answers = Files.writeString(work.resolve("vh0.answers"), AnswerFileTest.VIRTUAL_HYPERVISOR);
        script = Files.writeString(work.resolve("postinst.sh"), "#!/bin/sh\ntouch \"$1/root/installed-by-xsbuild\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static CliRun xsbuild(String... args) {
        return CliRun.run(FakeRuntime::new, Map.of(), work, args);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = new byte[1 << 16];
            for (int n = in.read(b); n >= 0; n = in.read(b)) {
                d.update(b, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** xorriso's report of what boots, block numbers left out. */
    static List<String> boot(Path image) throws Exception {
        String report = InstallerIso.run(image.getParent(), "xorriso", "-indev", image.toString(), "-report_el_torito", "plain",
                "-report_system_area", "plain");
        List<String> lines = new ArrayList<>();
        for (String line : report.lines().toList()) {
            if (line.startsWith("El Torito boot img")) {
                lines.add(line.replaceAll("\\s+\\d+$", ""));
            } else if (line.matches("^(El Torito (img|cat) (path|opts)|System area summary|MBR partition path|GPT partition path"
                    + "|GPT type GUID|GPT partname local).*")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String unpackedInitrd(Path extracted, String decompress, Path into) throws Exception {
        Files.createDirectories(into);
        InstallerIso.sh(into, decompress + " < " + extracted.resolve("install.img") + " | cpio -idm --quiet");
        return Files.readString(into.resolve("answerfile.xml"));
    }

    @Test
    void theRemasteredImageBootsAsTheOriginalAndInstallsThePatchedPackageUnattended() throws Exception {
        String before = sha256(iso);
        Path out = work.resolve("vh0.iso");
        CliRun r = xsbuild("iso", "remaster", "--iso", iso.toString(), "--out", out.toString(), "--add-rpms", patched.toString(),
                "--answerfile", answers.toString(), "--file", script + ":/postinst.sh");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("Wrote " + out, "boot: El Torito BIOS image boot/isolinux/isolinux.bin (boot info table)",
                "install.img (gzip): /answerfile.xml, /postinst.sh", "packages: 2 added (1 replaced), 5 in the repodata");
        assertThat(r.err).contains("Packages/extra-tool-1.0-1.noarch.rpm (extra-tool): no group the installer installs",
                ".treeinfo named the signing key RPM-GPG-KEY-test: it is commented out");
        assertThat(sha256(iso)).as("the input is only read").isEqualTo(before);
        try (var left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".vh0.iso"));
        }

        assertThat(boot(out)).isEqualTo(boot(iso)).contains(
                "El Torito boot img :   1  BIOS  y   none  0x0000  0x00      4",
                "El Torito boot img :   2  UEFI  y   none  0x0000  0x00   2880",
                "El Torito img opts :   1  boot-info-table isohybrid-suitable",
                "El Torito img path :   2  /boot/efiboot.img",
                "System area summary: MBR isohybrid cyl-align-on GPT",
                "MBR partition path :   2  /boot/efiboot.img");

        List<String> listed = InstallerIso.isoinfo(out);
        assertThat(listed).contains("/Packages/xcp-networkd-0.9.6-2.patched.noarch.rpm", "/Packages/extra-tool-1.0-1.noarch.rpm",
                "/Packages/libnet-helper-1.0-1.noarch.rpm", "/repodata/repomd.xml", "/install.img", "/boot/efiboot.img",
                "/boot/isolinux/isolinux.bin", "/boot/isolinux/boot.cat", "/.treeinfo", "/EFI/BOOT/grub.cfg")
                .doesNotContain("/Packages/xcp-networkd-0.9.6-1.noarch.rpm");

        Path x = InstallerIso.extract(out, work.resolve("vh0"));
        assertThat(unpackedInitrd(x, "gzip -dc", work.resolve("vh0-initrd"))).isEqualTo(Files.readString(answers));
        assertThat(work.resolve("vh0-initrd/postinst.sh")).hasSameTextualContentAs(script).isExecutable();
        assertThat(work.resolve("vh0-initrd/opt/xensource/installer/init")).hasContent("the installer");
        assertThat(x.resolve("boot/isolinux/isolinux.cfg")).content().contains(
                "--- /boot/vmlinuz xencons=hvc console=hvc0 console=tty0 " + ARGS + " --- /install.img")
                .satisfies(c -> assertThat(c.split(ARGS, -1)).hasSize(2));
        assertThat(x.resolve("EFI/BOOT/grub.cfg")).content()
                .contains("    module2 /boot/vmlinuz console=hvc0 console=tty0 " + ARGS + "\n    module2 /install.img")
                .satisfies(c -> assertThat(c.split(ARGS, -1)).hasSize(2));
        assertThat(InstallerIso.run(work, "mtype", "-i", x.resolve("boot/efiboot.img").toString(), "::/EFI/BOOT/grub.cfg"))
                .contains("search --file --set /install.img", "module2 /boot/vmlinuz console=hvc0 console=tty0 " + ARGS);
        assertThat(x.resolve(".treeinfo")).content().contains("#key1 = RPM-GPG-KEY-test", "[build]\nnumber = 58");

        String primary;
        Path repodata = x.resolve("repodata");
        try (var files = Files.list(repodata)) {
            Path gz = files.filter(p -> p.getFileName().toString().endsWith("primary.xml.gz")).findFirst().orElseThrow();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                primary = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        assertThat(primary).contains("<location href=\"Packages/xcp-networkd-0.9.6-2.patched.noarch.rpm\"/>",
                "<location href=\"Packages/sm-3.0-1.noarch.rpm\"/>").doesNotContain("xcp-networkd-0.9.6-1.noarch.rpm");
        assertThat(Files.readString(repodata.resolve("repomd.xml"))).contains("<data type=\"group\">", "<data type=\"group_gz\">");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bzip2, bzip2, bzip2 -dc, bzip2 compressed", "xz, xz --check=crc32, xz -dc, xz compressed",
        "zstd, zstd -q, zstd -dcq, zstandard compressed"})
    void theInitrdKeepsItsCompression(String name, String compress, String decompress, String file) throws Exception {
        HostTools.assume(name);
        HostTools.assume("file");
        Path image = InstallerIso.build(Files.createDirectories(work.resolve(name)), compress);
        Path out = work.resolve(name + ".iso");
        CliRun r = xsbuild("--json", "iso", "remaster", "--iso", image.toString(), "--out", out.toString(),
                "--answerfile", answers.toString(), "--file", script + ":/postinst.sh");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("\"compression\": \"" + name + "\"", "\"added\": [", "\"/answerfile.xml\"");
        Path x = InstallerIso.extract(out, work.resolve(name + "-x"));
        assertThat(InstallerIso.run(work, "file", "-b", x.resolve("install.img").toString())).as("file(1) says")
                .containsIgnoringCase(file);
        assertThat(unpackedInitrd(x, decompress, work.resolve(name + "-initrd"))).isEqualTo(Files.readString(answers));
        assertThat(boot(out)).isEqualTo(boot(image));
    }

    @Test
    void aScriptTheInitrdLacksIsNamedInAWarning() throws Exception {
        Path out = work.resolve("no-script.iso");
        CliRun r = xsbuild("iso", "remaster", "--iso", iso.toString(), "--out", out.toString(), "--answerfile", answers.toString());
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.err).contains("warning: " + answers + " runs file:///postinst.sh, which no --file puts into the initrd");
        assertThat(r.out).contains("install.img (gzip): /answerfile.xml\n").doesNotContain("packages:");
    }

    @Test
    void aBadAnswerFileIsOneLineNamingTheElementAndNothingIsWritten() throws Exception {
        Path bad = Files.writeString(work.resolve("bad.answers"),
                "<installation>\n<primary-disk>sda</primary-disk>\n<admin-interface name=\"eth0\"/>\n</installation>\n");
        Path out = work.resolve("bad.iso");
        CliRun r = xsbuild("iso", "remaster", "--iso", iso.toString(), "--out", out.toString(), "--answerfile", bad.toString());
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("xsbuild: " + bad + ": <admin-interface> (line 3) has no proto=\"...\", which the"
                + " installer requires");
        assertThat(out).doesNotExist();
    }

    @Test
    void aHostileImageIsRefusedAsTheSnapshotImporterRefusesIt() throws Exception {
        Path tree = Files.createDirectories(work.resolve("hostile/tree"));
        Files.writeString(tree.resolve("install.img"), "x");
        Files.createSymbolicLink(tree.resolve("passwd"), Path.of("../../../../etc/passwd"));
        Path hostile = work.resolve("hostile/hostile.iso");
        InstallerIso.run(work, "xorriso", "-as", "mkisofs", "-o", hostile.toString(), "-R", tree.toString());
        Path out = work.resolve("hostile-out.iso");
        CliRun r = xsbuild("iso", "remaster", "--iso", hostile.toString(), "--out", out.toString(), "--answerfile", answers.toString());
        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.err.lines().filter(l -> l.startsWith("xsbuild:")))
                .singleElement().asString().startsWith("xsbuild: ISO " + hostile + " has an unsafe entry 'passwd'");
        assertThat(out).doesNotExist();
        try (var left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".hostile-out.iso"));
        }
    }

    @Test
    void anInitrdThatIsNoArchiveFailsTheRunWhilePackagesAreAddedAndLeavesNothing() throws Exception {
        Path tree = Files.createDirectories(work.resolve("junk/tree"));
        Files.writeString(tree.resolve("install.img"), "hello, not an initrd\n");
        Files.createDirectories(tree.resolve("boot/isolinux"));
        Files.writeString(tree.resolve("boot/isolinux/isolinux.cfg"), InstallerIso.ISOLINUX_CFG);
        InstallerIso.rpm(work.resolve("junk"), tree.resolve("Packages"), "sm", "3.0", "1", null);
        InstallerIso.run(work, "createrepo_c", "--quiet", tree.toString());
        Path junk = work.resolve("junk/junk.iso");
        InstallerIso.run(work, "xorriso", "-as", "mkisofs", "-o", junk.toString(), "-R", tree.toString());
        Path out = work.resolve("junk-out.iso");
        CliRun r = xsbuild("iso", "remaster", "--iso", junk.toString(), "--out", out.toString(), "--add-rpms", patched.toString(),
                "--answerfile", answers.toString());
        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.err.lines().filter(l -> l.startsWith("xsbuild:"))).singleElement().asString()
                .startsWith("xsbuild: junk.iso:install.img is neither a cpio archive nor compressed with gzip, bzip2, xz, lzma or zstd");
        assertThat(out).doesNotExist();
        try (var left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".junk-out.iso"));
        }
    }

    @Test
    void usageMistakesAreOneLineEach() throws Exception {
        assertThat(xsbuild("iso", "remaster", "--iso", iso.toString(), "--out", work.resolve("x.iso").toString()).err)
                .contains("Nothing to change in the image");
        CliRun same = xsbuild("iso", "remaster", "--iso", iso.toString(), "--out", iso.toString(), "--answerfile", answers.toString());
        assertThat(same.exitCode).isEqualTo(2);
        assertThat(same.err).contains("is the input image");
        CliRun file = xsbuild("iso", "remaster", "--iso", iso.toString(), "--out", work.resolve("y.iso").toString(), "--file", "post.sh");
        assertThat(file.exitCode).isEqualTo(2);
        assertThat(file.err).contains("--file post.sh is not SRC:DEST");
        CliRun dest = xsbuild("iso", "remaster", "--iso", iso.toString(), "--out", work.resolve("y.iso").toString(), "--file",
                script + ":../etc/x");
        assertThat(dest.err).contains("an initrd path must be absolute");
        CliRun noIso = xsbuild("iso", "remaster", "--iso", work.resolve("none.iso").toString(), "--out", work.resolve("y.iso").toString(),
                "--answerfile", answers.toString());
        assertThat(noIso.exitCode).isEqualTo(2);
        assertThat(noIso.err).contains("none.iso does not exist");
    }

    @Test
    void answerfileWritesWhatTheInstallerReads() throws Exception {
        CliRun dhcp = xsbuild("iso", "answerfile", "--dhcp", "--root-password", "secret", "--script",
                "filesystem-populated:file:///postinst.sh");
        assertThat(dhcp.exitCode).as(dhcp.toString()).isZero();
        assertThat(dhcp.out).contains("<admin-interface name=\"eth0\" proto=\"dhcp\"/>",
                "<script stage=\"filesystem-populated\" type=\"url\">file:///postinst.sh</script>");
        Path file = work.resolve("static.answers");
        CliRun fixed = xsbuild("iso", "answerfile", "--static", "--hostname", "vh0", "--ip", "10.0.0.5", "--netmask",
                "255.255.255.0", "--gateway", "10.0.0.1", "--dns", "10.0.0.1", "--root-password", "secret", "--out", file.toString());
        assertThat(fixed.exitCode).as(fixed.toString()).isZero();
        assertThat(AnswerFile.check(file).operation()).isEqualTo("installation");
        assertThat(xsbuild("iso", "answerfile", "--static", "--root-password", "x").err).contains("--static needs --ip, --netmask and --gateway");
        assertThat(xsbuild("iso", "answerfile", "--root-password", "x").exitCode).isEqualTo(2);
        CliRun badIp = xsbuild("iso", "answerfile", "--static", "--ip", "10.0.0.999", "--netmask", "255.255.255.0", "--gateway",
                "10.0.0.1", "--root-password", "x");
        assertThat(badIp.exitCode).isEqualTo(2);
        assertThat(badIp.err.strip()).isEqualTo("xsbuild: the answer file: <ipaddr> (line 8) '10.0.0.999' is not an IPv4 address");
    }
}
