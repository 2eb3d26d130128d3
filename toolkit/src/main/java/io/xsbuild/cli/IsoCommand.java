package io.xsbuild.cli;

import picocli.CommandLine.Command;

/** {@code xsbuild iso}: installer images. */
@Command(name = "iso", header = "Remaster installer ISOs with patched packages and an answer file.",
        mixinStandardHelpOptions = true,
        description = "Installer images: remaster makes a XenServer or XCP-ng installer ISO that installs patched "
                + "packages unattended; answerfile writes the answer file it installs with.",
        subcommands = {IsoRemasterCommand.class, IsoAnswerfileCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild iso answerfile --dhcp --root-password secret > vh0.answers",
            "  xsbuild iso remaster --iso xenserver.iso --out vh0.iso \\",
            "      --add-rpms xsbuild-out/RPMS --answerfile vh0.answers"})
final class IsoCommand extends XsbuildSubcommand {

    IsoCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        throw usage("Missing a subcommand: remaster or answerfile");
    }
}
