package io.xsbuild.cli;

import picocli.CommandLine.Command;

@Command(name = "image", mixinStandardHelpOptions = true, description = "Build the build-environment image of a profile and a repository.")
final class ImageCommand extends NotYetAvailable {
    ImageCommand(CliContext context) {
        super(context, "image building");
    }
}
