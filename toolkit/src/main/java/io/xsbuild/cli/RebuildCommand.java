package io.xsbuild.cli;

import picocli.CommandLine.Command;

@Command(name = "rebuild", mixinStandardHelpOptions = true, description = "Rebuild source RPMs in a container")
final class RebuildCommand extends NotYetAvailable {
    RebuildCommand(CliContext context) {
        super(context, " RPMs and logs out.:rebuilding");
    }
}
