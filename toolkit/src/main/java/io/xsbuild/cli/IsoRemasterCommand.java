package io.xsbuild.cli;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.fetch.FetchOptions;
import io.xsbuild.io.Sizes;
import io.xsbuild.remaster.Remaster;
import io.xsbuild.remaster.RemasterRequest;
import io.xsbuild.remaster.RemasterResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code xsbuild iso remaster}: flags mapped one to one onto {@link Remaster#remaster}. */
@Command(name = "remaster", header = "Make an installer ISO that installs patched packages, unattended.",
        mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Write --out OUT.iso: the installer image --iso IN with the packages of --add-rpms DIR in its repository "
                    + "(replacing those of the same name and architecture; the repodata published again with the image's "
                    + "comps group), the --answerfile and --file extras in its initrd (install.img, its compression kept), "
                    + "and answerfile=file:///answerfile.xml install on the default ISOLINUX and GRUB entries.",
            "The image keeps its El Torito boot entries (BIOS and UEFI) and its hybrid MBR and GPT. IN is only read; "
                    + "OUT is written beside its final name and renamed once complete. A corrupt or hostile image is refused "
                    + "as repo create --iso refuses it."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild iso remaster --iso xenserver.iso --out vh0.iso \\",
            "      --answerfile vh0.answers",
            "  xsbuild iso remaster --iso xenserver.iso --out vh0.iso \\",
            "      --add-rpms xsbuild-out/RPMS --answerfile vh0.answers \\",
            "      --file postinst.sh:/postinst.sh",
            "  xsbuild iso remaster --iso https://build/nightly/installer.iso \\",
            "      --out test.iso --add-rpms RPMS"})
final class IsoRemasterCommand extends XsbuildSubcommand {

    @Option(names = "--iso", required = true, paramLabel = "IN",
            description = "The installer image: a path, an http(s) URL or Maven coordinates G:A:V[:ext[:classifier]].")
    String iso;

    @Option(names = "--sha256", paramLabel = "HEX", description = "The SHA-256 the input image must have.")
    String sha256;

    @Option(names = "--out", required = true, paramLabel = "OUT.iso", description = "The image to write.")
    Path out;

    @Option(names = "--add-rpms", paramLabel = "DIR",
            description = "Add the binary packages under DIR to the installer's repository (xsbuild-out/RPMS).")
    Path addRpms;

    @Option(names = "--answerfile", paramLabel = "FILE",
            description = "Put this answer file into the initrd and boot the default entry with it (checked first).")
    Path answerFile;

    @Option(names = "--answerfile-path", paramLabel = "PATH",
            description = "Where the answer file goes in the initrd (default: ${DEFAULT-VALUE}).")
    String answerFilePath = RemasterRequest.DEFAULT_ANSWER_FILE_PATH;

    @Option(names = "--file", paramLabel = "SRC:DEST",
            description = "Put the host file SRC into the initrd at DEST (/postinst.sh), repeatable.")
    List<String> files = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "N",
            description = "Packages read at once (default: the number of cores, ${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-v", "--verbose"}, description = "Show debug messages.")
    boolean verbose;

    IsoRemasterCommand(CliContext context) {
        super(context);
    }

    RemasterRequest request() {
        List<RemasterRequest.ExtraFile> extras = new ArrayList<>();
        for (String f : files) {
            int colon = f.lastIndexOf(':');
            if (colon <= 0 || colon == f.length() - 1) {
                throw usage("--file " + f + " is not SRC:DEST (a host file, then its absolute path in the initrd)");
            }
            extras.add(new RemasterRequest.ExtraFile(context.resolve(Path.of(f.substring(0, colon))), f.substring(colon + 1)));
        }
        if (!answerFilePath.startsWith("/")) {
            throw usage("--answerfile-path " + answerFilePath + " is not an absolute path in the initrd");
        }
        return new RemasterRequest(iso, sha256, context.resolve(out), addRpms == null ? null : context.resolve(addRpms),
                answerFile == null ? null : context.resolve(answerFile), extras, answerFilePath, workers);
    }

    @Override
    public Integer call() throws XsbuildException {
        RemasterRequest request = request();
        FetchOptions fetching = FetchOptions.defaults(context.env(), context.workingDir());
        Console console = console(verbose);
        RemasterResult result;
        try {
            result = new Remaster(fetching, context.env(), console).remaster(request);
        } finally {
            console.close();
        }
        print(result, IsoRemasterCommand::summary);
        return ExitCodes.OK;
    }

    static String summary(RemasterResult r) {
        StringBuilder s = new StringBuilder("Wrote ").append(r.out()).append(" (").append(Sizes.human(r.bytes())).append(") in ")
                .append(String.format(Locale.ROOT, "%.1f s", r.seconds()));
        for (String b : r.boot()) {
            s.append("\n  boot: ").append(b);
        }
        if (r.initrd() != null) {
            s.append("\n  ").append(r.initrd().path()).append(" (").append(r.initrd().compression()).append("): ")
                    .append(String.join(", ", r.initrd().added()));
        }
        for (RemasterResult.BootEntry e : r.configs()) {
            s.append("\n  ").append(e.config()).append(", entry ").append(e.entry()).append(": ").append(e.line());
        }
        if (r.packages() != null) {
            s.append("\n  packages: ").append(r.packages().added().size()).append(" added (")
                    .append(r.packages().replaced().size()).append(" replaced), ").append(r.packages().total())
                    .append(" in the repodata");
        }
        return s.toString();
    }
}
