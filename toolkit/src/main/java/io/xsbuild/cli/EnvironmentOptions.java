package io.xsbuild.cli;

import io.xsbuild.error.UsageException;
import io.xsbuild.image.Repo;
import io.xsbuild.profile.Profile;
import io.xsbuild.profile.Profiles;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that choose a build environment: its profile, its base image, its repository. */
final class EnvironmentOptions {

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "The build profile: el7 (CentOS 7, as dom0), el9 (AlmaLinux 9) or testbase (Debian with "
                    + "rpm and dnf, made without a registry). Default: $XSBUILD_PROFILE, else el7.")
    String profile;

    @Option(names = "--base", paramLabel = "IMAGE", description = "Build on this image instead of the profile's base image.")
    String base;

    @Option(names = "--repo", paramLabel = "DIR",
            description = "The yum repository (a directory with repodata/) to build against, mounted read-only.")
    Path repo;

    Profile profile(CliContext context) throws UsageException {
        Profile chosen = profile == null ? Profiles.defaultProfile(context.env()) : Profiles.named(profile);
        return base == null ? chosen : chosen.withBase(base);
    }

    /** The repository, checked; null when none was given. */
    Repo repo(CliContext context) throws UsageException {
        return repo == null ? null : Repo.at(context.resolve(repo));
    }
}
