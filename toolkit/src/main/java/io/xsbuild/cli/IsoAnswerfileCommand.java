package io.xsbuild.cli;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.io.AtomicFiles;
import io.xsbuild.remaster.AnswerFile;
import io.xsbuild.remaster.AnswerFileSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code xsbuild iso answerfile}: flags mapped one to one onto {@link AnswerFile#generate}. */
@Command(name = "answerfile", header = "Write a host installer answer file (static address or DHCP).",
        mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Write an answer file for an unattended fresh installation: the disk, keymap, root password, "
                + "the ISO itself as the source, and the management interface by DHCP or with a static address. "
                + "It is checked as iso remaster checks any answer file.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild iso answerfile --dhcp --root-password secret > vh0.answers",
            "  xsbuild iso answerfile --static --hostname vh0 --ip 10.0.0.5 \\",
            "      --netmask 255.255.255.0 --gateway 10.0.0.1 --dns 10.0.0.1 \\",
            "      --root-password secret --out vh0.answers",
            "  xsbuild iso answerfile --dhcp --root-password secret \\",
            "      --script filesystem-populated:file:///postinst.sh"})
final class IsoAnswerfileCommand extends XsbuildSubcommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Addressing addressing;

    static final class Addressing {
        @Option(names = "--dhcp", required = true, description = "The management interface asks DHCP for its address.")
        boolean dhcp;

        @Option(names = "--static", required = true, description = "The management interface has the address --ip gives.")
        boolean fixed;
    }

    @Option(names = "--hostname", paramLabel = "NAME", description = "The host's name.")
    String hostname;

    @Option(names = "--ip", paramLabel = "ADDRESS", description = "The static IPv4 address (with --static).")
    String ip;

    @Option(names = "--netmask", paramLabel = "MASK", description = "The subnet mask (with --static).")
    String netmask;

    @Option(names = "--gateway", paramLabel = "ADDRESS", description = "The default gateway (with --static).")
    String gateway;

    @Option(names = "--dns", paramLabel = "ADDRESS", description = "A DNS server, repeatable.")
    List<String> dns = new ArrayList<>();

    @Option(names = "--root-password", required = true, paramLabel = "PASSWORD",
            description = "The root password (in the clear, as the installer takes it; see --password-hash).")
    String rootPassword;

    @Option(names = "--password-hash", description = "--root-password is a crypt(3) hash, not the password.")
    boolean passwordHash;

    @Option(names = "--disk", paramLabel = "DEVICE", description = "The disk to install onto (default: ${DEFAULT-VALUE}).")
    String disk = "sda";

    @Option(names = "--keymap", paramLabel = "MAP", description = "The console keymap (default: ${DEFAULT-VALUE}).")
    String keymap = "us";

    @Option(names = "--interface", paramLabel = "NIC", description = "The management interface (default: ${DEFAULT-VALUE}).")
    String interfaceName = "eth0";

    @Option(names = "--timezone", paramLabel = "ZONE", description = "The time zone (Europe/London; default: the installer's, UTC).")
    String timezone;

    @Option(names = "--sr-type", paramLabel = "TYPE", description = "The local SR's type: lvm or ext (default: the installer's).")
    String srType;

    @Option(names = "--ntp", paramLabel = "SERVER", description = "An NTP server, repeatable (default: the installer's NTP).")
    List<String> ntp = new ArrayList<>();

    @Option(names = "--script", paramLabel = "STAGE:URL",
            description = "A script the installer runs at STAGE (installation-start, filesystem-populated, "
                    + "installation-complete), fetched from URL (file:///postinst.sh for one put in with iso remaster --file).")
    List<String> scripts = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the answer file here instead of to standard output.")
    Path out;

    IsoAnswerfileCommand(CliContext context) {
        super(context);
    }

    AnswerFileSpec spec() {
        boolean dhcp = addressing.dhcp;
        if (dhcp && (ip != null || netmask != null || gateway != null)) {
            throw usage("--ip, --netmask and --gateway go with --static, not --dhcp");
        }
        if (!dhcp && (ip == null || netmask == null || gateway == null)) {
            throw usage("--static needs --ip, --netmask and --gateway");
        }
        List<AnswerFileSpec.Script> parsed = new ArrayList<>();
        for (String s : scripts) {
            int colon = s.indexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw usage("--script " + s + " is not STAGE:URL (filesystem-populated:file:///postinst.sh)");
            }
            parsed.add(new AnswerFileSpec.Script(s.substring(0, colon), s.substring(colon + 1)));
        }
        return new AnswerFileSpec(dhcp, hostname, ip, netmask, gateway, dns, rootPassword, passwordHash, disk, keymap,
                interfaceName, timezone, srType, parsed, ntp);
    }

    @Override
    public Integer call() throws XsbuildException {
        String xml = AnswerFile.generate(spec());
        if (out != null) {
            Path file = context.resolve(out);
            try {
                AtomicFiles.writeString(file, xml);
            } catch (IOException e) {
                throw new FailedException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            print(Map.of("answerfile", file.toString()), r -> "Wrote " + file);
        } else if (json()) {
            print(Map.of("answerfile", xml), r -> xml);
        } else {
            context.out().print(xml);
            context.out().flush();
        }
        return ExitCodes.OK;
    }
}
