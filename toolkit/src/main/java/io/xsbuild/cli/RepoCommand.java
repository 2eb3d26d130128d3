package io.xsbuild.cli;

import picocli.CommandLine.Command;

/** {@code xsbuild repo}: the repository commands. */
@Command(name = "repo", header = "Publish yum repositories from RPM directories or snapshot ISOs.", mixinStandardHelpOptions = true,
        description = "The repository commands: create publishes the metadata of a directory of RPMs, as createrepo_c "
                + "does; snapshot publishes the packages of snapshot ISOs as a repository of snapshots (which "
                + "create --iso does too).",
        subcommands = {RepoCreateCommand.class, RepoSnapshotCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild repo create ./repo                  publish ./repo/repodata",
            "  xsbuild repo create --update ./repo         read only new and changed packages",
            "  xsbuild repo snapshot --iso binpkg.iso --iso source.iso --out /srv/xs"})
final class RepoCommand extends XsbuildSubcommand {

    RepoCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        throw usage("Missing a subcommand: create or snapshot");
    }
}
