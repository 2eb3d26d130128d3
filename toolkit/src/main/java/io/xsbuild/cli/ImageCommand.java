package io.xsbuild.cli;

import picocli.CommandLine.Command;

@Command(name = "image", header = "Build-environment images.", mixinStandardHelpOptions = true,
        description = "Build-environment images: a profile's base image with its toolchain, the builder user and the "
                + "repository definition, and warm images with packages' BuildRequires installed.",
        subcommands = {ImageBuildCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild image build --profile testbase",
            "  xsbuild image build --repo ./repo --builddeps xcp-networkd xapi"})
final class ImageCommand extends XsbuildSubcommand {

    ImageCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        throw usage("Missing a subcommand: build");
    }
}
