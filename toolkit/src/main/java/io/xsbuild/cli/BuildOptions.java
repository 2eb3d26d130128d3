package io.xsbuild.cli;

import io.xsbuild.build.BuildSettings;
import io.xsbuild.build.BuildSetup;
import io.xsbuild.build.source.RpmbuildOptions;
import io.xsbuild.error.UsageException;
import io.xsbuild.session.Session;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * The options of every command that builds in containers ({@code rebuild}, {@code build}): the build
 * environment, OUT, what rpmbuild is told, what becomes of the containers, and how much is shown.
 */
final class BuildOptions {

    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    @Mixin
    EnvironmentOptions environment;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "xsbuild-out",
            description = "Where RPMs, logs and result.json go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    RpmbuildFlags rpmbuild;

    @Option(names = "--network", description = "Leave the build the container's network (it is cut by default).")
    boolean network;

    @Option(names = "--image", paramLabel = "TAG",
            description = "Build in this image (as xsbuild image build printed it) instead of the profile's.")
    String image;

    @Option(names = "--keep", description = "Keep each build's container, and say how to enter it.")
    boolean keep;

    @Option(names = "--shell-on-failure", description = "Open a shell in a failed build's container (on a terminal).")
    boolean shellOnFailure;

    @Option(names = {"-v", "--verbose"}, description = "Stream the build output (build.log, root.log) to the terminal.")
    boolean verbose;

    /** Where and how to build, checked: the profile, the repository, OUT, the settings. */
    BuildSetup setup(CliContext context) throws UsageException {
        return new BuildSetup(environment.profile(context), environment.repos(context), context.resolve(out),
                new BuildSettings(rpmbuildOptions(), network, keep, shellOnFailure, context.terminal()), image,
                context.env().get(Session.ENV));
    }

    private RpmbuildOptions rpmbuildOptions() {
        for (String define : rpmbuild.defines) {
            if (!RpmbuildOptions.isDefine(define)) {
                throw new CommandLine.ParameterException(command.commandLine(),
                        "--define takes 'MACRO VALUE', as rpmbuild does, not '" + define + "'");
            }
        }
        return new RpmbuildOptions(rpmbuild.defines, rpmbuild.with, rpmbuild.without, rpmbuild.nocheck, rpmbuild.target);
    }
}
