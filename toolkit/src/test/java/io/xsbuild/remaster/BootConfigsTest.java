package io.xsbuild.remaster;

import io.xsbuild.testing.InstallerIso;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installer's own boot configurations (host-installer's {@code bootloader/isolinux.cfg} and
 * {@code grub.cfg}, XCP-ng's) get the answer file arguments on the dom0 kernel of their default
 * entry, and nowhere else.
 */
class BootConfigsTest {

    static final List<String> ARGS = List.of("answerfile=file:///answerfile.xml", "install");

    /** host-installer's isolinux.cfg, as the installer-shaped test images carry it. */
    static final String ISOLINUX = InstallerIso.ISOLINUX_CFG;

    static final String GRUB = """
            set default="0"
            set timeout=5

            menuentry "install" {
                xen_hypervisor /boot/xen.efi dom0_max_vcpus=1-16 dom0_mem=max:8192M com1=115200,8n1 console=com1,vga
                xen_module /boot/vmlinuz console=hvc0 console=tty0
                xen_module /install.img
            }

            menuentry "no-serial" {
                xen_hypervisor /boot/xen.efi dom0_max_vcpus=1-16 dom0_mem=max:8192M console=vga
                xen_module /boot/vmlinuz console=tty0
                xen_module /install.img
            }
            """;

    @Test
    void isolinuxGetsTheArgumentsOnTheDom0KernelOfItsDefaultEntry() {
        BootConfigs.Patched p = BootConfigs.isolinux(ISOLINUX, ARGS).orElseThrow();
        assertThat(p.entry()).isEqualTo("install");
        assertThat(p.line()).isEqualTo("APPEND /boot/xen.gz dom0_max_vcpus=1-16 dom0_mem=1024M,max:1024M com1=115200,8n1"
                + " console=com1,vga --- /boot/vmlinuz xencons=hvc console=hvc0 console=tty0"
                + " answerfile=file:///answerfile.xml install --- /install.img");
        assertThat(p.text().lines().filter(l -> l.contains("answerfile="))).hasSize(1);
        assertThat(p.text().replace(" answerfile=file:///answerfile.xml install", "")).isEqualTo(ISOLINUX);
    }

    @Test
    void argumentsAlreadyThereAreReplacedNotRepeated() {
        String once = BootConfigs.isolinux(ISOLINUX, ARGS).orElseThrow().text();
        String twice = BootConfigs.isolinux(once, List.of("answerfile=file:///other.xml", "install")).orElseThrow().text();
        assertThat(twice).contains("console=tty0 answerfile=file:///other.xml install --- /install.img")
                .doesNotContain("answerfile.xml");
        String grubTwice = BootConfigs.grub(BootConfigs.grub(GRUB, ARGS).orElseThrow().text(), ARGS).orElseThrow().text();
        assertThat(grubTwice).isEqualTo(BootConfigs.grub(GRUB, ARGS).orElseThrow().text());
    }

    @Test
    void menuDefaultWinsOverDefaultAndAPlainLinuxEntryGetsItsAppendLine() {
        String menu = """
                UI menu.c32
                DEFAULT first
                LABEL first
                  KERNEL /boot/vmlinuz
                  APPEND initrd=/install.img console=tty0
                LABEL second
                  MENU DEFAULT
                  KERNEL /boot/vmlinuz
                  APPEND initrd=/install.img quiet
                LABEL bare
                  KERNEL /boot/vmlinuz
                """;
        BootConfigs.Patched p = BootConfigs.isolinux(menu, ARGS).orElseThrow();
        assertThat(p.entry()).isEqualTo("second");
        assertThat(p.line()).isEqualTo("APPEND initrd=/install.img quiet answerfile=file:///answerfile.xml install");
        BootConfigs.Patched bare = BootConfigs.isolinux("DEFAULT bare\nLABEL bare\n  KERNEL /boot/vmlinuz\n", ARGS).orElseThrow();
        assertThat(bare.text()).isEqualTo("DEFAULT bare\nLABEL bare\n  KERNEL /boot/vmlinuz\n  APPEND answerfile=file:///answerfile.xml install\n");
        assertThat(BootConfigs.isolinux("PROMPT 1\n", ARGS)).isEmpty();
    }

    @Test
    void grubGetsTheArgumentsOnTheKernelModuleOfTheDefaultEntry() {
        BootConfigs.Patched p = BootConfigs.grub(GRUB, ARGS).orElseThrow();
        assertThat(p.entry()).isEqualTo("install");
        assertThat(p.line()).isEqualTo("xen_module /boot/vmlinuz console=hvc0 console=tty0 answerfile=file:///answerfile.xml install");
        assertThat(p.text().replace(" answerfile=file:///answerfile.xml install", "")).isEqualTo(GRUB);
    }

    @Test
    void grubDefaultsByNumberTitleOrIdAndMultiboot2AndLinuxEntriesWork() {
        String xcpng = """
                set default="1"
                function load_video {
                  insmod all_video
                }
                menuentry "install" {
                    multiboot2 /boot/xen.gz dom0_mem=max:8192M
                    module2 /boot/vmlinuz console=hvc0
                    module2 /install.img
                }
                menuentry 'no-serial' --id quiet {
                    multiboot2 /boot/xen.gz dom0_mem=max:8192M console=vga
                    module2 /boot/vmlinuz console=tty0
                    module2 /install.img
                }
                """;
        assertThat(BootConfigs.grub(xcpng, ARGS).orElseThrow().line())
                .isEqualTo("module2 /boot/vmlinuz console=tty0 answerfile=file:///answerfile.xml install");
        assertThat(BootConfigs.grub(xcpng.replace("\"1\"", "install"), ARGS).orElseThrow().entry()).isEqualTo("install");
        assertThat(BootConfigs.grub(xcpng.replace("\"1\"", "quiet"), ARGS).orElseThrow().entry()).isEqualTo("no-serial");
        String linux = "menuentry 'Install' {\n  linuxefi /images/vmlinuz quiet\n  initrdefi /images/initrd.img\n}\n";
        assertThat(BootConfigs.grub(linux, ARGS).orElseThrow().line())
                .isEqualTo("linuxefi /images/vmlinuz quiet answerfile=file:///answerfile.xml install");
        assertThat(BootConfigs.grub("search --file --set /install.img\nconfigfile /EFI/xenserver/grub.cfg\n", ARGS)).isEmpty();
    }
}
