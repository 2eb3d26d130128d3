package io.xsbuild.remaster;

import java.util.List;
import java.util.Objects;

/**
 * What {@code xsbuild iso answerfile} writes: a fresh installation onto {@code disk}, its
 * management interface by DHCP or static, as the virtual-hypervisor scripts'
 * {@code generate_answerfile.sh} does.
 *
 * @param dhcp         the management interface asks DHCP; else {@code ip}, {@code netmask} and {@code gateway} are set
 * @param nameServers  DNS servers, in order
 * @param passwordHash {@code rootPassword} is a crypt hash, not the password
 * @param srType       the local SR's type ("ext", "lvm"), or null for the installer's default
 * @param timezone     "Europe/London", or null for the installer's default (UTC)
 * @param scripts      the installer's scripts, in order
 * @param ntpServers   NTP servers (manual NTP), or none for the installer's default
 */
public record AnswerFileSpec(boolean dhcp, String hostname, String ip, String netmask, String gateway,
                             List<String> nameServers, String rootPassword, boolean passwordHash, String disk,
                             String keymap, String interfaceName, String timezone, String srType, List<Script> scripts,
                             List<String> ntpServers) {

    /** A script the installer runs: at {@code stage}, fetched from {@code url} (file:///postinst.sh). */
    public record Script(String stage, String url) {
        public Script {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(url, "url");
        }
    }

    public AnswerFileSpec {
        nameServers = List.copyOf(nameServers);
        scripts = List.copyOf(scripts);
        ntpServers = List.copyOf(ntpServers);
        Objects.requireNonNull(rootPassword, "rootPassword");
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(keymap, "keymap");
        Objects.requireNonNull(interfaceName, "interfaceName");
    }
}
