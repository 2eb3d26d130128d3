package io.xsbuild.cli;

import io.xsbuild.error.UsageException;
import io.xsbuild.profile.Profile;
import io.xsbuild.profile.ProfileCatalog;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.repository.RepoSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options that choose a build environment: its profile, its base image, its repositories. */
final class EnvironmentOptions {

    @Option(names = "--profile", paramLabel = "PROFILE", completionCandidates = ProfileNames.class,
            description = "The build profile: ${COMPLETION-CANDIDATES} (xsbuild doctor describes each; a folder in "
                    + "$XSBUILD_PROFILE_PATH or ~/.config/xsbuild/profiles adds one). Default: $XSBUILD_PROFILE, "
                    + "else " + ProfileCatalog.DEFAULT + ".")
    String profile;

    @Option(names = "--base", paramLabel = "IMAGE", description = "Build on this image instead of the profile's base image.")
    String base;

    @Option(names = "--repo", paramLabel = "DIR|URL|NAME=URL",
            description = "A yum repository to read besides the profile's: a directory with repodata/ (mounted read-only; "
                    + "copied into each container on an engine of another machine), "
                    + "a file://, http:// or https:// baseurl, or NAME= before either to name it. Give it again for more: "
                    + "the first given wins (as yum's priority=), and all come before the profile's repositories.")
    List<String> repos = new ArrayList<>();

    @Option(names = "--local-repo", paramLabel = "DIR",
            description = "Publish this directory of RPMs (incrementally, with xsbuild's repo-builder) and read it first of all.")
    Path localRepo;

    @Option(names = "--enablerepo", paramLabel = "ID", split = ",",
            description = "Switch on a repository of the profile that its file leaves off (an id or a glob).")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disablerepo", paramLabel = "ID", split = ",",
            description = "Switch off a repository (an id or a glob; --disablerepo='*' --enablerepo=ID keeps one).")
    List<String> disable = new ArrayList<>();

    Profile profile(CliContext context) throws UsageException {
        ProfileCatalog catalog = ProfileCatalog.load(context.env());
        Profile chosen = profile == null ? catalog.defaultProfile(context.env()) : catalog.named(profile);
        return base == null ? chosen : chosen.withBase(base);
    }

    /** The repositories asked for, directories resolved against where xsbuild was started. */
    RepoRequest repos(CliContext context) {
        List<RepoSpec> specs = new ArrayList<>();
        for (String text : repos) {
            RepoSpec spec = RepoSpec.parse(text);
            specs.add(spec.isUrl() ? spec : new RepoSpec(spec.name(), context.resolve(Path.of(spec.location())).toString()));
        }
        return new RepoRequest(localRepo == null ? null : context.resolve(localRepo), specs, enable, disable);
    }
}
