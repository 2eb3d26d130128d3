package io.xsbuild.cli;

import picocli.CommandLine.Command;

@Command(name = "shell", mixinStandardHelpOptions = true, description = "Open a shell, or run a command, in the build environment.")
final class ShellCommand extends NotYetAvailable {
    ShellCommand(CliContext context) {
        super(context, "the build shell");
    }
}
