package io.xsbuild.remaster;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An answer file for the XenServer host installer, checked as the installer's own parser
 * ({@code answerfile.py}, documented in {@code doc/answerfile.txt}) reads it, so that a mistake is
 * found before an unattended install fails in a VM: the root element ({@code installation}, in
 * mode {@code fresh}, {@code reinstall} or {@code upgrade}, or {@code restore}), the elements each
 * mode requires ({@code primary-disk} or {@code existing-installation}, {@code admin-interface}
 * with its {@code proto} and addresses, {@code source}) and the values the installer accepts for
 * {@code root-password}, {@code keymap}, {@code script}, {@code ntp}, {@code service},
 * {@code bootloader} and the rest. The first problem found is the error, on one line naming the
 * element and its line.
 */
public final class AnswerFile {

    /** Answer files are small; anything bigger than this is not one. */
    static final int MAX_BYTES = 1 << 20;

    private static final Set<String> STAGES = Set.of("installation-start", "filesystem-populated", "installation-complete");
    private static final Set<String> SCRIPT_TYPES = Set.of("nfs", "url");
    private static final Set<String> SOURCE_TYPES = Set.of("local", "url", "nfs");
    private static final Set<String> PROTOS = Set.of("static", "dhcp", "none");
    private static final Set<String> PROTOS_V6 = Set.of("static", "dhcp", "autoconf", "none");
    private static final Set<String> BOOLEANS = Set.of("yes", "true", "no", "false");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

    private AnswerFile() {
    }

    /**
     * What a checked answer file asks for.
     *
     * @param operation "installation" or "restore"
     * @param mode      "fresh", "reinstall" or "upgrade" for an installation, else ""
     * @param scripts   the URLs of its scripts, in order
     */
    public record Checked(String operation, String mode, List<String> scripts) {
        public Checked {
            scripts = List.copyOf(scripts);
        }

        /** The files the installer will read from its own file system ({@code file:///path}), as paths. */
        public List<String> localScripts() {
            return scripts.stream().filter(s -> s.startsWith("file:///")).map(s -> s.substring("file://".length())).toList();
        }
    }

    /** Reads and checks {@code file}. */
    public static Checked check(Path file) throws AnswerFileException {
        byte[] xml;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new AnswerFileException(file + " is " + Files.size(file) + " bytes, too big for an answer file",
                        "give the installer's XML answer file");
            }
            xml = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AnswerFileException("cannot read the answer file " + file + ": " + e.getMessage(),
                    "check that it exists and is readable");
        }
        return check(file.toString(), xml);
    }

    /** Checks {@code xml}; {@code name} names it in errors. */
    public static Checked check(String name, byte[] xml) throws AnswerFileException {
        XmlElement root;
        try {
            root = XmlElement.parse(xml);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new AnswerFileException(name + " is not well-formed XML (line " + line + "): "
                    + e.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "").strip(),
                    "the installer parses it with xml.dom.minidom and gives up");
        }
        if (root == null) {
            throw new AnswerFileException(name + " holds no element", "give the installer's XML answer file");
        }
        return new Checker(name).check(root);
    }

    /**
     * Writes the answer file {@code spec} describes, and checks it as {@link #check} checks any:
     * a static address, netmask or gateway that is not IPv4, say, is refused here rather than by the
     * installer.
     */
    public static String generate(AnswerFileSpec spec) throws AnswerFileException {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n");
        x.append("<installation").append(spec.srType() == null ? "" : " sr-type=\"" + escape(spec.srType()) + "\"").append(">\n");
        element(x, "primary-disk", "", spec.disk());
        element(x, "keymap", "", spec.keymap());
        element(x, "root-password", spec.passwordHash() ? " type=\"hash\"" : "", spec.rootPassword());
        x.append("  <source type=\"local\"/>\n");
        x.append("  <admin-interface name=\"").append(escape(spec.interfaceName())).append("\" proto=\"")
                .append(spec.dhcp() ? "dhcp" : "static").append(spec.dhcp() ? "\"/>\n" : "\">\n");
        if (!spec.dhcp()) {
            x.append("  ");
            element(x, "ipaddr", "", spec.ip());
            x.append("  ");
            element(x, "subnet", "", spec.netmask());
            x.append("  ");
            element(x, "gateway", "", spec.gateway());
            x.append("  </admin-interface>\n");
        }
        for (String dns : spec.nameServers()) {
            element(x, "name-server", "", dns);
        }
        if (spec.hostname() != null) {
            element(x, "hostname", "", spec.hostname());
        }
        if (spec.timezone() != null) {
            element(x, "timezone", "", spec.timezone());
        }
        if (!spec.ntpServers().isEmpty()) {
            x.append("  <ntp source=\"manual\"/>\n");
            for (String ntp : spec.ntpServers()) {
                element(x, "ntp-server", "", ntp);
            }
        }
        for (AnswerFileSpec.Script s : spec.scripts()) {
            element(x, "script", " stage=\"" + escape(s.stage()) + "\" type=\"url\"", s.url());
        }
        x.append("</installation>\n");
        String xml = x.toString();
        check("the answer file", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return xml;
    }

    private static void element(StringBuilder x, String name, String attributes, String text) {
        x.append("  <").append(name).append(attributes).append('>').append(escape(text == null ? "" : text)).append("</")
                .append(name).append(">\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class Checker {
        private final String name;

        Checker(String name) {
            this.name = name;
        }

        Checked check(XmlElement root) throws AnswerFileException {
            String operation;
            String mode = "";
            switch (root.name()) {
                case "installation", "upgrade" -> {
                    operation = "installation";
                    mode = root.attribute("mode").orElse(root.name().equals("upgrade") ? "upgrade" : "fresh");
                    if (!Set.of("fresh", "reinstall", "upgrade").contains(mode)) {
                        throw bad(root, "mode=\"" + mode + "\" is not fresh, reinstall or upgrade");
                    }
                }
                case "restore" -> operation = "restore";
                default -> throw new AnswerFileException(name + ": the root element is <" + root.name()
                        + "> (line " + root.line() + "), not <installation> or <restore>",
                        "start the answer file with <installation> (or <restore>), as the installer expects");
            }
            List<String> scripts = scripts(root);
            for (XmlElement d : root.below("driver-source")) {
                source(d);
            }
            flag(root, "ui-confirmation-prompt");
            if (operation.equals("installation")) {
                if (mode.equals("upgrade")) {
                    text(one(root, "existing-installation"));
                } else {
                    fresh(root);
                }
                List<XmlElement> sources = root.below("source");
                if (sources.isEmpty()) {
                    throw missing(root, "source", "add <source type=\"local\"/> to install from the ISO itself");
                }
                for (XmlElement s : sources) {
                    source(s);
                }
                common(root);
            }
            return new Checked(operation, mode, scripts);
        }

        private void fresh(XmlElement root) throws AnswerFileException {
            XmlElement disk = one(root, "primary-disk");
            text(disk);
            choice(disk, "preserve-first-partition", Set.of("true", "yes", "false", "no", "if-utility"));
            for (String b : List.of("guest-storage", "gueststorage", "sr-at-end", "swraid")) {
                choice(disk, b, BOOLEANS);
            }
            for (XmlElement g : root.below("guest-disk")) {
                text(g);
            }
            Optional<String> sr = root.attribute("sr-type", "srtype");
            if (sr.isPresent() && sr.get().isEmpty()) {
                throw bad(root, "sr-type is empty (lvm, ext or the large block SR type)");
            }
            adminInterface(root);
            List<XmlElement> passwords = root.below("root-password");
            if (!passwords.isEmpty()) {
                choice(passwords.get(0), "type", Set.of("plaintext", "hash"));
                text(passwords.get(0));
            }
            for (XmlElement k : root.below("keymap")) {
                text(k);
            }
            for (XmlElement e : root.below("hostname", "timezone", "name-server", "nameserver")) {
                text(e);
            }
            ntp(root);
            Set<String> services = new HashSet<>();
            for (XmlElement s : root.below("service")) {
                String service = mandatory(s, "name");
                if (!services.add(service)) {
                    throw bad(s, "service " + service + " is named twice");
                }
                String state = mandatory(s, "state");
                if (!state.equals("enabled") && !state.equals("disabled")) {
                    throw bad(s, "state=\"" + state + "\" is not enabled or disabled");
                }
            }
        }

        private void adminInterface(XmlElement root) throws AnswerFileException {
            XmlElement nic = one(root, "admin-interface");
            Optional<String> hwaddr = nic.attribute("hwaddr");
            if (nic.attribute("name").isEmpty() && hwaddr.isEmpty()) {
                throw bad(nic, "has neither name=\"eth0\" nor hwaddr=\"MAC\"");
            }
            if (hwaddr.isPresent() && nic.attribute("name").isEmpty() && !MAC.matcher(hwaddr.get()).matches()) {
                throw bad(nic, "hwaddr=\"" + hwaddr.get() + "\" is not a MAC address");
            }
            String proto = mandatory(nic, "proto");
            if (!PROTOS.contains(proto)) {
                throw bad(nic, "proto=\"" + proto + "\" is not static, dhcp or none");
            }
            if (proto.equals("static")) {
                ipv4(first(nic, "the static address", "ipaddr", "ip"));
                ipv4(first(nic, "the subnet mask", "subnet", "subnet-mask"));
                ipv4(first(nic, "the gateway", "gateway"));
            }
            String v6 = nic.attribute("protov6").orElse("none");
            if (!PROTOS_V6.contains(v6)) {
                throw bad(nic, "protov6=\"" + v6 + "\" is not static, dhcp, autoconf or none");
            }
            if (proto.equals("none") && v6.equals("none")) {
                throw bad(nic, "has proto=\"none\" and no IPv6 (protov6), so no address at all");
            }
            if (v6.equals("static")) {
                text(first(nic, "the IPv6 address", "ipv6"));
                text(first(nic, "the IPv6 gateway", "gatewayv6"));
            }
            Optional<String> vlan = nic.attribute("vlan");
            if (vlan.isPresent() && !vlan.get().matches("\\d{1,4}")
                    || vlan.isPresent() && (Integer.parseInt(vlan.get()) < 1 || Integer.parseInt(vlan.get()) > 4094)) {
                throw bad(nic, "vlan=\"" + vlan.get() + "\" is not a VLAN from 1 to 4094");
            }
        }

        private void ntp(XmlElement root) throws AnswerFileException {
            List<XmlElement> ntp = root.below("ntp");
            List<XmlElement> servers = root.below("ntp-server", "ntp-servers");
            if (ntp.size() > 1) {
                throw bad(ntp.get(1), "is given " + ntp.size() + " times; the installer takes at most one");
            }
            if (ntp.size() == 1) {
                String source = mandatory(ntp.get(0), "source");
                if (!Set.of("dhcp", "default", "manual", "none").contains(source)) {
                    throw bad(ntp.get(0), "source=\"" + source + "\" is not dhcp, default, manual or none");
                }
                if (!servers.isEmpty() && !source.equals("manual")) {
                    throw bad(servers.get(0), "goes only with <ntp source=\"manual\"/>");
                }
            }
            for (XmlElement s : servers) {
                text(s);
            }
        }

        private void common(XmlElement root) throws AnswerFileException {
            for (XmlElement b : root.below("network-backend")) {
                String backend = b.text();
                if (!Set.of("bridge", "openvswitch", "vswitch").contains(backend)) {
                    throw bad(b, "'" + backend + "' is not bridge, openvswitch or vswitch");
                }
            }
            List<XmlElement> bootloader = root.below("bootloader");
            if (!bootloader.isEmpty()) {
                XmlElement b = bootloader.get(0);
                choice(b, "location", Set.of("mbr", "partition"));
                choice(b, "write-boot-entry", BOOLEANS);
                if (!b.text().isEmpty() && !b.text().equals("grub2")) {
                    throw bad(b, "'" + b.text() + "' is not grub2, the only bootloader the installer supports");
                }
            }
        }

        private List<String> scripts(XmlElement root) throws AnswerFileException {
            List<String> urls = new ArrayList<>();
            for (XmlElement s : root.below("script")) {
                String stage = mandatory(s, "stage").toLowerCase(Locale.ROOT);
                if (!STAGES.contains(stage)) {
                    throw bad(s, "stage=\"" + stage + "\" is not installation-start, filesystem-populated or installation-complete");
                }
                String type = mandatory(s, "type").toLowerCase(Locale.ROOT);
                if (!SCRIPT_TYPES.contains(type)) {
                    throw bad(s, "type=\"" + type + "\" is not url or nfs");
                }
                urls.add(text(s));
            }
            for (XmlElement s : root.below("post-install-script", "install-failed-script")) {
                urls.add(text(s));
            }
            return urls;
        }

        private void source(XmlElement s) throws AnswerFileException {
            String type = mandatory(s, "type");
            if (!SOURCE_TYPES.contains(type)) {
                throw bad(s, "type=\"" + type + "\" is not local, url or nfs");
            }
            if (!type.equals("local")) {
                text(s);
            }
        }

        private void flag(XmlElement root, String element) throws AnswerFileException {
            for (XmlElement e : root.below(element)) {
                if (!BOOLEANS.contains(e.text().toLowerCase(Locale.ROOT))) {
                    throw bad(e, "'" + e.text() + "' is not true, false, yes or no");
                }
            }
        }

        private XmlElement one(XmlElement root, String element) throws AnswerFileException {
            List<XmlElement> found = root.below(element);
            if (found.isEmpty()) {
                throw missing(root, element, null);
            }
            return found.get(0);
        }

        private XmlElement first(XmlElement parent, String what, String... names) throws AnswerFileException {
            List<XmlElement> found = parent.below(names);
            if (found.isEmpty()) {
                throw bad(parent, "has no <" + names[0] + "> (" + what + ") although proto is static");
            }
            return found.get(0);
        }

        private String text(XmlElement e) throws AnswerFileException {
            if (e.text().isEmpty()) {
                throw bad(e, "is empty");
            }
            return e.text();
        }

        private void ipv4(XmlElement e) throws AnswerFileException {
            if (!IPV4.matcher(text(e)).matches()) {
                throw bad(e, "'" + e.text() + "' is not an IPv4 address");
            }
        }

        private String mandatory(XmlElement e, String attribute) throws AnswerFileException {
            Optional<String> value = e.attribute(attribute);
            if (value.isEmpty()) {
                throw bad(e, "has no " + attribute + "=\"...\", which the installer requires");
            }
            return value.get();
        }

        private void choice(XmlElement e, String attribute, Set<String> allowed) throws AnswerFileException {
            Optional<String> value = e.attribute(attribute);
            if (value.isPresent() && !allowed.contains(value.get().toLowerCase(Locale.ROOT))) {
                throw bad(e, attribute + "=\"" + value.get() + "\" is not " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }

        private AnswerFileException bad(XmlElement e, String what) {
            return new AnswerFileException(name + ": " + e.where() + " " + what, null);
        }

        private AnswerFileException missing(XmlElement root, String element, String hint) {
            return new AnswerFileException(name + ": <" + root.name() + "> (line " + root.line() + ") has no <" + element
                    + ">, which the installer requires", hint);
        }
    }
}
