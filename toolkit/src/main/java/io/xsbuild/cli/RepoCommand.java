package io.xsbuild.cli;

import picocli.CommandLine.Command;

/** {@code xsbuild repo}: the repository commands. */
@Command(name = "repo", mixinStandardHelpOptions = true,
        description = "Publish yum repositories from RPM directories.",
        subcommands = {RepoCreateCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild repo create ./repo                  publish ./repo/repodata",
            "  xsbuild repo create --update ./repo         read only new and changed packages"})
final class RepoCommand extends XsbuildSubcommand {

    RepoCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        throw usage("Missing a subcommand: create");
    }
}
