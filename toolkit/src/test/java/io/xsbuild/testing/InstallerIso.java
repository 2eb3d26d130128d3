package io.xsbuild.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An image shaped like a XenServer installer, made with the real tools: isolinux (Debian's
 * isolinux.bin, mboot.c32) with host-installer's isolinux.cfg, an EFI image (mformat) holding
 * BOOTX64.EFI and a grub.cfg, EFI/BOOT/grub.cfg, Xen and a kernel, install.img (a cpio archive
 * made by {@code cpio -o -H newc}, compressed as asked), Packages/ built by rpmbuild with
 * repodata by createrepo_c carrying a comps group, a .treeinfo naming a signing key; hybrid
 * ({@code xorriso -isohybrid-mbr isohdpfx.bin -isohybrid-gpt-basdat}).
 */
public final class InstallerIso {

    public static final Path ISOHYBRID_MBR = Path.of("/usr/lib/ISOLINUX/isohdpfx.bin");
    public static final Path ISOLINUX = Path.of("/usr/lib/ISOLINUX/isolinux.bin");
    public static final Path SYSLINUX_MODULES = Path.of("/usr/lib/syslinux/modules/bios");

    /** host-installer's bootloader/isolinux.cfg, cut to three entries. */
    public static final String ISOLINUX_CFG = """
            DEFAULT install
            PROMPT 1
            TIMEOUT 50

            LABEL install
            \tKERNEL mboot.c32
            \tAPPEND /boot/xen.gz dom0_max_vcpus=1-16 dom0_mem=1024M,max:1024M com1=115200,8n1 console=com1,vga --- /boot/vmlinuz xencons=hvc console=hvc0 console=tty0 --- /install.img
            LABEL no-serial
            \tKERNEL mboot.c32
            \tAPPEND /boot/xen.gz dom0_max_vcpus=1-16 dom0_mem=1024M,max:1024M console=vga --- /boot/vmlinuz console=tty0 --- /install.img

            LABEL memtest
            \tKERNEL memtest
            """;

    public static final String GRUB_CFG = """
            set default="0"
            set timeout=5

            menuentry "install" {
                multiboot2 /boot/xen.gz dom0_max_vcpus=1-16 dom0_mem=max:8192M com1=115200,8n1 console=com1,vga
                module2 /boot/vmlinuz console=hvc0 console=tty0
                module2 /install.img
            }

            menuentry "no-serial" {
                multiboot2 /boot/xen.gz dom0_max_vcpus=1-16 dom0_mem=max:8192M console=vga
                module2 /boot/vmlinuz console=tty0
                module2 /install.img
            }
            """;

    public static final String COMPS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE comps PUBLIC "-//Red Hat, Inc.//DTD Comps info//EN" "comps.dtd">
            <comps>
              <group>
                <id>xenserver_base</id>
                <name>XenServer base</name>
                <default>true</default>
                <uservisible>false</uservisible>
                <packagelist>
                  <packagereq type="mandatory">xenserver-release</packagereq>
                  <packagereq type="mandatory">xcp-networkd</packagereq>
                </packagelist>
              </group>
              <group>
                <id>xenserver_dom0</id>
                <name>XenServer dom0</name>
                <default>true</default>
                <uservisible>false</uservisible>
                <packagelist>
                  <packagereq type="default">sm</packagereq>
                </packagelist>
              </group>
            </comps>
            """;

    public static final String TREEINFO = """
            [system-v1]
            platform_name = XCP
            platform_version = 3.4.0
            product_name = XenServer
            product_version = 8.4.0
            [build]
            number = 58
            [keys]
            key1 = RPM-GPG-KEY-test
            """;

    private InstallerIso() {
    }

    /** The tools the image is made with; skipped where missing, except under CI. */
    public static void requireTools() {
        for (String tool : List.of("xorriso", "cpio", "createrepo_c", "rpmbuild", "mformat", "mcopy", "mmd")) {
            HostTools.assume(tool);
        }
        for (Path file : List.of(ISOHYBRID_MBR, ISOLINUX, SYSLINUX_MODULES.resolve("mboot.c32"))) {
            if (!Files.isReadable(file)) {
                String why = file + " is missing (apt-get install isolinux syslinux-common)";
                if (System.getenv("CI") != null) {
                    throw new AssertionError("CI must provide " + why);
                }
                Assumptions.abort(why);
            }
        }
    }

    /** A noarch package built by rpmbuild into {@code into}; {@code requires} may be null. */
    public static Path rpm(Path work, Path into, String name, String version, String release, String requires)
            throws Exception {
        Path top = Files.createDirectories(work.resolve("rpmbuild-" + name + "-" + release));
        Path spec = top.resolve(name + ".spec");
        Files.writeString(spec, "Name: " + name + "\nVersion: " + version + "\nRelease: " + release + "\n"
                + "Summary: " + name + " for the remaster tests\nLicense: MIT\nBuildArch: noarch\n"
                + (requires == null ? "" : "Requires: " + requires + "\n")
                + "%description\n" + name + " for the remaster tests\n"
                + "%install\nmkdir -p %{buildroot}/usr/share/" + name + "\necho %{version}-%{release} > %{buildroot}/usr/share/"
                + name + "/version\n%files\n/usr/share/" + name + "/version\n");
        run(work, "rpmbuild", "-bb", "--quiet", "--define", "_topdir " + top, "--define", "_binary_payload w9.gzdio",
                "--define", "_build_id_links none", spec.toString());
        Path built;
        try (Stream<Path> found = Files.walk(top.resolve("RPMS"))) {
            built = found.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
        }
        Files.createDirectories(into);
        return Files.copy(built, into.resolve(built.getFileName()));
    }

    /**
     * Makes the image in {@code work}: its packages are xenserver-release, xcp-networkd 0.9.6-1
     * (which requires libnet-helper), libnet-helper and sm.
     *
     * @param compress the command that compresses install.img ("gzip -9", "xz --check=crc32", ...)
     */
    public static Path build(Path work, String compress) throws Exception {
        requireTools();
        Path tree = Files.createDirectories(work.resolve("tree"));
        Path isolinux = Files.createDirectories(tree.resolve("boot/isolinux"));
        Files.copy(ISOLINUX, isolinux.resolve("isolinux.bin"));
        for (String module : List.of("mboot.c32", "ldlinux.c32", "libcom32.c32")) {
            Files.copy(SYSLINUX_MODULES.resolve(module), isolinux.resolve(module));
        }
        Files.writeString(isolinux.resolve("isolinux.cfg"), ISOLINUX_CFG);
        Files.writeString(tree.resolve("boot/xen.gz"), "the hypervisor\n");
        Files.writeString(tree.resolve("boot/vmlinuz"), "the installer's kernel\n");
        Files.createDirectories(tree.resolve("EFI/BOOT"));
        Files.writeString(tree.resolve("EFI/BOOT/grub.cfg"), GRUB_CFG);
        Files.writeString(tree.resolve("EFI/BOOT/BOOTX64.EFI"), "GRUB for UEFI\n");

        Path efi = tree.resolve("boot/efiboot.img");
        run(work, "mformat", "-C", "-f", "1440", "-i", efi.toString(), "::");
        run(work, "mmd", "-i", efi.toString(), "::/EFI", "::/EFI/BOOT");
        run(work, "mcopy", "-i", efi.toString(), tree.resolve("EFI/BOOT/BOOTX64.EFI").toString(), "::/EFI/BOOT/BOOTX64.EFI");
        Path embedded = Files.writeString(work.resolve("embedded-grub.cfg"),
                GRUB_CFG.replace("set timeout=5\n", "set timeout=5\nsearch --file --set /install.img\n"));
        run(work, "mcopy", "-i", efi.toString(), embedded.toString(), "::/EFI/BOOT/grub.cfg");

        Path initrd = Files.createDirectories(work.resolve("initrd"));
        Files.createDirectories(initrd.resolve("opt/xensource/installer"));
        Files.writeString(initrd.resolve("init"), "#!/bin/sh\nexec /opt/xensource/installer/init\n");
        Files.setPosixFilePermissions(initrd.resolve("init"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(initrd.resolve("opt/xensource/installer/init"), "the installer\n");
        sh(initrd, "find . | cpio -o -H newc 2>/dev/null | " + compress + " > " + tree.resolve("install.img"));

        Path packages = tree.resolve("Packages");
        rpm(work, packages, "xenserver-release", "8.4.0", "1", null);
        rpm(work, packages, "xcp-networkd", "0.9.6", "1", "libnet-helper");
        rpm(work, packages, "libnet-helper", "1.0", "1", null);
        rpm(work, packages, "sm", "3.0", "1", null);
        Path comps = Files.writeString(work.resolve("comps.xml"), COMPS);
        run(work, "createrepo_c", "--quiet", "--groupfile", comps.toString(), tree.toString());
        Files.writeString(tree.resolve(".treeinfo"), TREEINFO);
        Files.writeString(tree.resolve("RPM-GPG-KEY-test"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\n");

        Path iso = work.resolve("installer.iso");
        run(work, "xorriso", "-as", "mkisofs", "-o", iso.toString(), "-R", "-J", "-V", "XenServer-8.4.0",
                "-c", "boot/isolinux/boot.cat", "-b", "boot/isolinux/isolinux.bin", "-no-emul-boot", "-boot-load-size", "4",
                "-boot-info-table", "-isohybrid-mbr", ISOHYBRID_MBR.toString(), "-eltorito-alt-boot", "-e", "boot/efiboot.img",
                "-no-emul-boot", "-isohybrid-gpt-basdat", tree.toString());
        return iso;
    }

    /** Runs {@code command} in {@code dir}, failing unless it exits 0; gives its output. */
    public static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }

    /** Runs a bash pipeline in {@code dir}. */
    public static String sh(Path dir, String pipeline) throws Exception {
        return run(dir, "bash", "-o", "pipefail", "-c", pipeline);
    }

    /** Every path {@code isoinfo -R -f} lists. */
    public static List<String> isoinfo(Path iso) throws Exception {
        HostTools.assume("isoinfo");
        return new ArrayList<>(run(iso.getParent(), "isoinfo", "-R", "-f", "-i", iso.toString()).lines().toList());
    }

    /** Extracts the image with xorriso. */
    public static Path extract(Path iso, Path into) throws Exception {
        run(iso.getParent(), "xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/", into.toString());
        return into;
    }
}
