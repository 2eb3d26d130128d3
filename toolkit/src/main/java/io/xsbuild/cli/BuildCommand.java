package io.xsbuild.cli;

import picocli.CommandLine.Command;

@Command(name = "build", mixinStandardHelpOptions = true, description = "Build a git checkout in a container, versioned by git describe.")
final class BuildCommand extends NotYetAvailable {
    BuildCommand(CliContext context) {
        super(context, "building from git");
    }
}
