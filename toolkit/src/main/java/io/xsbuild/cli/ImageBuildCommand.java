package io.xsbuild.cli;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.image.ImageRequest;
import io.xsbuild.image.ImageResult;
import io.xsbuild.image.Images;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

@Command(name = "build", header = "Build a profile's image, or a warm one with BuildRequires installed.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Build the image of a profile, and with --builddeps a warm image that also has those packages' "
                    + "BuildRequires, installed from the repositories. An image is tagged with the hash of everything it "
                    + "is made from (the profile's Dockerfile and files, its base image, and for a warm image the "
                    + "repositories' repomd.xml and the packages), so that when nothing changed it is found, not built.",
            "Prints the image's tag."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild image build --profile testbase",
            "  xsbuild image build --repo ./repo --builddeps xcp-networkd xapi --tag warm",
            "  xsbuild rebuild --repo ./repo xcp-networkd xapi    (in the warm image)"})
final class ImageBuildCommand extends XsbuildSubcommand {

    @Mixin
    EnvironmentOptions environment;

    @Option(names = "--builddeps", paramLabel = "PKG", arity = "1..*", split = ",",
            description = "Install these source packages' BuildRequires in the image (needs --repo).")
    List<String> builddeps = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "Also tag the image TAG.")
    String tag;

    @Option(names = {"-v", "--verbose"}, description = "Show the output of docker build and of the package manager.")
    boolean verbose;

    ImageBuildCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws XsbuildException {
        RepoRequest repos = environment.repos(context);
        if (!builddeps.isEmpty() && repos.repos().isEmpty() && repos.localRepo() == null) {
            throw usage("--builddeps needs --repo (or --local-repo): the BuildRequires are installed from it");
        }
        ImageRequest request = new ImageRequest(environment.profile(context), repos, builddeps, tag,
                context.env().get(Session.ENV));
        Console console = console(verbose);
        try {
            ImageResult result = new Images(context.connector(), console).build(request);
            if (!result.built()) {
                console.info(result.tag() + " is up to date: nothing to build");
            }
            print(result, r -> String.join("\n", r.tags()));
        } finally {
            console.close();
        }
        return ExitCodes.OK;
    }
}
