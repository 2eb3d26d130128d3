package io.xsbuild.cli;

import io.xsbuild.container.Mount;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.session.Session;
import io.xsbuild.shell.Shell;
import io.xsbuild.shell.ShellRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "shell", header = "A shell, or one command, in the build environment.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Open a login shell in the build environment, with the repositories configured (--repo directories "
                    + "mounted read-only under " + ContainerRepos.MOUNT_ROOT + ", or copied there on an engine of another "
                    + "machine) and the directories given with -v mounted (from the engine's machine); or run CMD there, "
                    + "its arguments passed exactly as given. Exits with CMD's or the shell's exit code.",
            "The container is removed when the shell or CMD ends."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild shell --repo ./repo",
            "  xsbuild shell --repo ./repo -v ./xcp-networkd -- make -j4",
            "  xsbuild shell --user root --repo ./repo -- dnf builddep -y ./xcp-networkd.spec",
            "  xsbuild shell -v \"$PWD\":/src:ro -- sh -c 'ls \"$1\"' sh 'a name with spaces'"})
final class ShellCommand extends XsbuildSubcommand {

    @Mixin
    EnvironmentOptions environment;

    @Option(names = {"-v", "--volume"}, paramLabel = "HOSTDIR[:CTRDIR[:ro]]",
            description = "Mount a host directory (at the same path unless CTRDIR is given; read-write unless :ro). "
                    + "The first one is the working directory.")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--user", paramLabel = "USER", defaultValue = ContainerLayout.BUILDER,
            description = "Who runs the shell or CMD (default: ${DEFAULT-VALUE}; root to install packages).")
    String user;

    @Option(names = "--verbose", description = "Show the output of docker build when the image is made.")
    boolean verbose;

    @Parameters(paramLabel = "CMD", arity = "0..*",
            description = "A command and its arguments, after --; without it, an interactive shell.")
    List<String> command = new ArrayList<>();

    ShellCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws XsbuildException {
        List<Mount> mounts = new ArrayList<>();
        for (String volume : volumes) {
            mounts.add(mount(volume));
        }
        ShellRequest request = new ShellRequest(environment.profile(context), environment.repos(context), mounts,
                command, user, context.terminal(), context.env().get(Session.ENV));
        Console console = console(verbose);
        try {
            return new Shell(context.connector(), console).run(request);
        } finally {
            console.close();
        }
    }

    /** HOSTDIR[:CTRDIR[:ro|rw]] as a mount. */
    private Mount mount(String volume) {
        String[] parts = volume.split(":", -1);
        if (parts.length > 3 || parts[0].isEmpty()) {
            throw usage("-v takes HOSTDIR[:CTRDIR[:ro]], not '" + volume + "'");
        }
        Path host = context.resolve(PathArgument.of(spec.commandLine(), "-v", parts[0]));
        if (!Files.isDirectory(host)) {
            throw usage("No directory " + host + " to mount (-v " + volume + ")");
        }
        String container = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : host.toString();
        if (!container.startsWith("/") || "/".equals(container)) {
            throw usage("-v " + volume + ": the directory in the container must be an absolute path other than /");
        }
        String mode = parts.length > 2 ? parts[2] : "rw";
        if (!"ro".equals(mode) && !"rw".equals(mode)) {
            throw usage("-v " + volume + ": the mode is ro or rw, not '" + mode + "'");
        }
        return new Mount(host, container, "ro".equals(mode));
    }
}
