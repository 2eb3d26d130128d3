package io.xsbuild.cli;

import picocli.CommandLine.Command;

/** {@code xsbuild repo}: the repository commands. */
@Command(name = "repo", header = "Publish yum repositories from RPM directories or snapshot ISOs.", mixinStandardHelpOptions = true,
        description = "The repository commands: create publishes the metadata of a directory of RPMs, as createrepo_c "
                + "does, or the packages of snapshot ISOs as a repository of snapshots.",
        subcommands = {RepoCreateCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild repo create ./repo                  publish ./repo/repodata",
            "  xsbuild repo create --update ./repo         read only new and changed packages",
            "  xsbuild repo create --iso binpkg.iso --iso source.iso --out /srv/xs"})
final class RepoCommand extends XsbuildSubcommand {

    RepoCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        throw usage("Missing a subcommand: create");
    }
}
