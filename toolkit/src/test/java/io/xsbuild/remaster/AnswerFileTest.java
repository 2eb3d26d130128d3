package io.xsbuild.remaster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Answer files checked as the host installer's answerfile.py reads them, each mistake one line naming the element. */
class AnswerFileTest {

    /** The virtual-hypervisor scripts' answer file, as generate_answerfile.sh writes it. */
    static final String VIRTUAL_HYPERVISOR = """
            <?xml version="1.0"?>
            <installation srtype="ext">
            <primary-disk>sda</primary-disk>
            <keymap>us</keymap>
            <root-password>somepass</root-password>
            <source type="local"></source>
            <admin-interface name="eth0" proto="dhcp" />
            <timezone>America/Los_Angeles</timezone>
            <script stage="filesystem-populated" type="url">file:///postinst.sh</script>
            </installation>
            """;

    static final String STATIC = """
            <installation mode="fresh" sr-type="lvm">
              <primary-disk guest-storage="yes" preserve-first-partition="if-utility">/dev/sda</primary-disk>
              <guest-disks><guest-disk>sdb</guest-disk></guest-disks>
              <keymap>uk</keymap>
              <root-password type="hash">$6$salt$hash</root-password>
              <source type="url">http://mirror/xs/</source>
              <driver-source type="local"/>
              <admin-interface hwaddr="00:16:3e:00:00:01" proto="static" vlan="12">
                <ipaddr>192.168.1.10</ipaddr>
                <subnet>255.255.255.0</subnet>
                <gateway>192.168.1.1</gateway>
              </admin-interface>
              <name-server>192.168.1.1</name-server>
              <hostname>vh0</hostname>
              <ntp source="manual"/>
              <ntp-server>pool.ntp.org</ntp-server>
              <service name="sshd" state="enabled"/>
              <bootloader location="mbr" write-boot-entry="false">grub2</bootloader>
              <network-backend>openvswitch</network-backend>
              <script stage="installation-complete" type="nfs">server:/scripts/done.sh</script>
            </installation>
            """;

    private static AnswerFile.Checked check(String xml) throws AnswerFileException {
        return AnswerFile.check("vh0.answers", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theInstallersOwnExamplesPass() throws Exception {
        AnswerFile.Checked vh = check(VIRTUAL_HYPERVISOR);
        assertThat(vh.operation()).isEqualTo("installation");
        assertThat(vh.mode()).isEqualTo("fresh");
        assertThat(vh.localScripts()).containsExactly("/postinst.sh");
        assertThat(check(STATIC).scripts()).containsExactly("server:/scripts/done.sh");
        assertThat(check("<restore><backup-disk>sda</backup-disk></restore>").operation()).isEqualTo("restore");
        assertThat(check("<installation mode=\"upgrade\"><existing-installation>sda</existing-installation>"
                + "<source type=\"local\"/></installation>").mode()).isEqualTo("upgrade");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "root | <install/> | vh0.answers: the root element is <install> (line 1), not <installation> or <restore>",
        "mode | <installation mode=\"new\"/> | vh0.answers: <installation> (line 1) mode=\"new\" is not fresh, reinstall or upgrade",
        "disk | <installation><source type=\"local\"/></installation> | vh0.answers: <installation> (line 1) has no <primary-disk>, which the installer requires",
        "empty disk | <installation>\\n<primary-disk/></installation> | vh0.answers: <primary-disk> (line 2) is empty",
        "interface | <installation><primary-disk>sda</primary-disk></installation> | vh0.answers: <installation> (line 1) has no <admin-interface>, which the installer requires",
        "proto | <installation><primary-disk>sda</primary-disk>\\n<admin-interface name=\"eth0\"/></installation> | vh0.answers: <admin-interface> (line 2) has no proto=\"...\", which the installer requires",
        "proto value | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"auto\"/></installation> | vh0.answers: <admin-interface> (line 1) proto=\"auto\" is not static, dhcp or none",
        "nic name | <installation><primary-disk>sda</primary-disk><admin-interface proto=\"dhcp\"/></installation> | vh0.answers: <admin-interface> (line 1) has neither name=\"eth0\" nor hwaddr=\"MAC\"",
        "static ip | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"static\"><subnet>255.0.0.0</subnet></admin-interface></installation> | vh0.answers: <admin-interface> (line 1) has no <ipaddr> (the static address) although proto is static",
        "bad ip | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"static\">\\n<ipaddr>10.0.0.300</ipaddr></admin-interface></installation> | vh0.answers: <ipaddr> (line 2) '10.0.0.300' is not an IPv4 address",
        "source | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"dhcp\"/></installation> | vh0.answers: <installation> (line 1) has no <source>, which the installer requires",
        "source type | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"dhcp\"/><source type=\"cdrom\"/></installation> | vh0.answers: <source> (line 1) type=\"cdrom\" is not local, url or nfs",
        "password | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"dhcp\"/><root-password type=\"md5\">x</root-password><source type=\"local\"/></installation> | vh0.answers: <root-password> (line 1) type=\"md5\" is not hash, plaintext",
        "keymap | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"dhcp\"/><keymap/><source type=\"local\"/></installation> | vh0.answers: <keymap> (line 1) is empty",
        "stage | <installation>\\n<script type=\"url\">file:///x</script></installation> | vh0.answers: <script> (line 2) has no stage=\"...\", which the installer requires",
        "stage value | <installation><script stage=\"firstboot\" type=\"url\">file:///x</script></installation> | vh0.answers: <script> (line 1) stage=\"firstboot\" is not installation-start, filesystem-populated or installation-complete",
        "script type | <installation><script stage=\"filesystem-populated\">file:///x</script></installation> | vh0.answers: <script> (line 1) has no type=\"...\", which the installer requires",
        "ntp | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"dhcp\"/><ntp source=\"dhcp\"/><ntp-server>x</ntp-server><source type=\"local\"/></installation> | vh0.answers: <ntp-server> (line 1) goes only with <ntp source=\"manual\"/>",
        "service | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"dhcp\"/><service name=\"sshd\" state=\"on\"/><source type=\"local\"/></installation> | vh0.answers: <service> (line 1) state=\"on\" is not enabled or disabled",
        "bootloader | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"dhcp\"/><source type=\"local\"/><bootloader>extlinux</bootloader></installation> | vh0.answers: <bootloader> (line 1) 'extlinux' is not grub2, the only bootloader the installer supports",
        "vlan | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"dhcp\" vlan=\"5000\"/></installation> | vh0.answers: <admin-interface> (line 1) vlan=\"5000\" is not a VLAN from 1 to 4094",
        "no address | <installation><primary-disk>sda</primary-disk><admin-interface name=\"eth0\" proto=\"none\"/></installation> | vh0.answers: <admin-interface> (line 1) has proto=\"none\" and no IPv6 (protov6), so no address at all",
        "upgrade | <installation mode=\"upgrade\"><source type=\"local\"/></installation> | vh0.answers: <installation> (line 1) has no <existing-installation>, which the installer requires"})
    void eachMistakeIsOneLineNamingTheElement(String what, String xml, String message) {
        assertThatThrownBy(() -> check(xml.replace("\\n", "\n"))).isInstanceOf(AnswerFileException.class)
                .hasMessage(message).satisfies(e -> assertThat(((AnswerFileException) e).userMessage()).doesNotContain("\n"));
    }

    @Test
    void xmlThatIsNotWellFormedIsNamedWithItsLine() {
        assertThatThrownBy(() -> check("<installation>\n<primary-disk>sda</primary-disk>\n</install>"))
                .isInstanceOf(AnswerFileException.class).hasMessageStartingWith("vh0.answers is not well-formed XML (line 3)");
        assertThatThrownBy(() -> check("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><installation>&e;</installation>"))
                .isInstanceOf(AnswerFileException.class).hasMessageStartingWith("vh0.answers is not well-formed XML");
    }

    @Test
    void generatedAnswerFilesAreTheInstallersAndPassTheCheck() throws Exception {
        AnswerFileSpec dhcp = new AnswerFileSpec(true, null, null, null, null, List.of(), "somepass", false, "sda", "us", "eth0",
                "America/Los_Angeles", "ext", List.of(new AnswerFileSpec.Script("filesystem-populated", "file:///postinst.sh")),
                List.of());
        String xml = AnswerFile.generate(dhcp);
        assertThat(xml).isEqualTo("""
                <?xml version="1.0"?>
                <installation sr-type="ext">
                  <primary-disk>sda</primary-disk>
                  <keymap>us</keymap>
                  <root-password>somepass</root-password>
                  <source type="local"/>
                  <admin-interface name="eth0" proto="dhcp"/>
                  <timezone>America/Los_Angeles</timezone>
                  <script stage="filesystem-populated" type="url">file:///postinst.sh</script>
                </installation>
                """);
        AnswerFileSpec fixed = new AnswerFileSpec(false, "vh0.lab", "10.0.0.5", "255.255.255.0", "10.0.0.1",
                List.of("10.0.0.1", "8.8.8.8"), "p<&>ss", false, "sda", "us", "eth0", null, null, List.of(), List.of("ntp.lab"));
        String staticXml = AnswerFile.generate(fixed);
        assertThat(staticXml).contains("<admin-interface name=\"eth0\" proto=\"static\">", "<ipaddr>10.0.0.5</ipaddr>",
                "<subnet>255.255.255.0</subnet>", "<gateway>10.0.0.1</gateway>", "<name-server>8.8.8.8</name-server>",
                "<hostname>vh0.lab</hostname>", "<root-password>p&lt;&amp;&gt;ss</root-password>", "<ntp source=\"manual\"/>");
        assertThat(check(staticXml).operation()).isEqualTo("installation");
        AnswerFileSpec wrong = new AnswerFileSpec(false, "vh0", "10.0.0.500", "255.255.255.0", "10.0.0.1", List.of(), "x", false,
                "sda", "us", "eth0", null, null, List.of(), List.of());
        assertThatThrownBy(() -> AnswerFile.generate(wrong)).isInstanceOf(AnswerFileException.class)
                .hasMessage("the answer file: <ipaddr> (line 8) '10.0.0.500' is not an IPv4 address");
    }
}
