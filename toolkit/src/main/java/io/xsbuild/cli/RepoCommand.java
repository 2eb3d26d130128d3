package io.xsbuild.cli;

import picocli.CommandLine.Command;

@Command(name = "repo", mixinStandardHelpOptions = true, description = "Publish yum repositories from RPM directories and snapshot ISOs.")
final class RepoCommand extends NotYetAvailable {
    RepoCommand(CliContext context) {
        super(context, "repository publishing");
    }
}
