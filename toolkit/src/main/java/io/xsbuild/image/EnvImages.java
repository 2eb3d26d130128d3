package io.xsbuild.image;

import io.xsbuild.build.BuildSetup;
import io.xsbuild.io.Directories;
import io.xsbuild.container.ContainerException;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.ImageBuild;
import io.xsbuild.container.ImageCommit;
import io.xsbuild.container.ImageInfo;
import io.xsbuild.container.ImageMissingException;
import io.xsbuild.container.Labels;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.profile.Profile;
import io.xsbuild.packages.BuildRequires;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.repository.RepoSelection;
import io.xsbuild.packages.SourceDownload;
import io.xsbuild.session.EventLines;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Build-environment images, named by the hash of what they are made from, so that an image whose
 * inputs have not changed is found instead of built again.
 *
 * <p>A profile's image is {@code docker build} of its folder on its base image. A warm image adds
 * the BuildRequires of some packages on top; as those come from the repository, which a build
 * cannot mount, it is made by installing them in a container with the repository mounted and
 * saving that container as the image.
 */
public final class EnvImages {

    private static final int TAG_HEX = 16;

    private final Session session;
    private final ContainerRuntime runtime;
    private final Events events;

    public EnvImages(Session session) {
        this.session = session;
        this.runtime = session.runtime();
        this.events = session.events();
    }

    /** The profile's image, built when the engine lacks it; the base image must be there. */
    public EnvImage ensure(Profile profile) throws XsbuildException {
        ImageInfo base = runtime.findImage(profile.baseImage()).orElseThrow(() -> missingBase(profile));
        ProfileContext context = ProfileContext.of(profile);
        InputDigest inputs = new InputDigest()
                .add("image", "profile/2")
                .add("profile", profile.name())
                .add("package-manager", profile.packageManager().name())
                .add("toolchain", profile.toolchain())
                .add("base", profile.baseImage())
                .add("base-id", base.id());
        context.addTo(inputs);
        String hash = inputs.hex();
        String tag = "xsbuild/" + profile.name() + "-env:" + hash.substring(0, TAG_HEX);
        Optional<ImageInfo> existing = runtime.findImage(tag);
        if (existing.isPresent()) {
            return new EnvImage(tag, existing.get().id(), profile.name(), List.of(), null, false);
        }
        events.info("Building the " + profile.name() + " image " + tag + " on " + profile.baseImage());
        Path dir = tempDir();
        try {
            context.writeTo(dir);
            Map<String, String> labels = labels(profile, hash);
            Map<String, String> args = Map.of("BASE", profile.baseImage(), "TOOLCHAIN", String.join(" ", profile.toolchain()));
            String id = runtime.buildImage(new ImageBuild(dir, "Dockerfile", List.of(tag), labels, args, "default"),
                    EventLines.of(events, "docker build"));
            return new EnvImage(tag, id, profile.name(), List.of(), null, true);
        } catch (IOException e) {
            throw new FailedException("Cannot write the build context of " + tag + " in " + dir + ": " + e.getMessage(), e);
        } finally {
            Directories.deleteQuietly(dir);
        }
    }

    /** The warm image for these packages, made from these repositories, if the engine has it. */
    public Optional<EnvImage> findWarm(EnvImage env, RepoSelection repos, Collection<String> builddeps) throws ContainerException {
        List<String> names = normalized(builddeps);
        String tag = warmTag(env, repos, names);
        Optional<ImageInfo> existing = runtime.findImage(tag);
        return existing.map(i -> new EnvImage(tag, i.id(), env.profile(), names, repos.digest(), false));
    }

    /**
     * The image {@code env} with the BuildRequires of {@code builddeps}, fetched from {@code repos},
     * installed: found, or made in a container of this session.
     */
    public EnvImage warm(EnvImage env, Profile profile, ContainerRepos repos, Collection<String> builddeps) throws XsbuildException {
        Optional<EnvImage> existing = findWarm(env, repos.selection(), builddeps);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<String> names = normalized(builddeps);
        String tag = warmTag(env, repos.selection(), names);
        events.info("Installing the BuildRequires of " + String.join(", ", names) + " into " + tag);
        SessionContainer container = session.start(repos.mount(ContainerSpec.builder(env.tag())
                .network("bridge")
                .hostname("xsbuild"), runtime));
        try {
            repos.apply(container);
            LineSink log = EventLines.of(events, "builddep");
            SourceDownload download = new SourceDownload(profile.packageManager());
            List<String> srpms = new ArrayList<>();
            for (String name : names) {
                srpms.add(download.fetch(container, name, log));
            }
            new BuildRequires(profile.packageManager()).install(container, srpms, log);
            container.run(Step.of("rm", "-rf", ContainerLayout.WORK), log);
            repos.removeCopies(container, log);
            Map<String, String> labels = new LinkedHashMap<>(labels(profile, warmHash(env, repos.selection(), names)));
            labels.put(EnvImage.BUILDDEPS_LABEL, String.join(",", names));
            labels.put(EnvImage.REPOS_LABEL, repos.selection().digest());
            String id = container.commit(new ImageCommit(tag, labels, List.of("/bin/bash")));
            return new EnvImage(tag, id, env.profile(), names, repos.selection().digest(), true);
        } finally {
            session.discard(container);
        }
    }

    /** An image named with {@code --image}: one that xsbuild made for this profile. */
    public EnvImage named(String reference, Profile profile) throws XsbuildException {
        ImageInfo image = runtime.findImage(reference).orElseThrow(() -> new ImageMissingException(reference,
                "make it with xsbuild image build (it prints the tag to give)"));
        String madeFor = image.labels().get(Labels.PROFILE);
        if (madeFor == null) {
            throw new UsageException(Phrase.of("The image ", reference, " was not made by xsbuild image build"),
                    Phrase.of("give ", BuildSetup.Field.IMAGE, " a tag that xsbuild image build printed"));
        }
        if (!madeFor.equals(profile.name())) {
            throw new UsageException(Phrase.of("The image ", reference, " is of the ", madeFor, " profile, not ",
                    profile.name()), Phrase.of("add ", BuildSetup.Field.PROFILE, " ", madeFor));
        }
        String builddeps = image.labels().getOrDefault(EnvImage.BUILDDEPS_LABEL, "");
        return new EnvImage(reference, image.id(), madeFor, builddeps.isEmpty() ? List.of() : List.of(builddeps.split(",")),
                image.labels().get(EnvImage.REPOS_LABEL), false);
    }

    private String warmTag(EnvImage env, RepoSelection repos, List<String> names) {
        return "xsbuild/" + env.profile() + "-deps:" + warmHash(env, repos, names).substring(0, TAG_HEX);
    }

    private static String warmHash(EnvImage env, RepoSelection repos, List<String> names) {
        return new InputDigest()
                .add("image", "builddeps/2")
                .add("env-id", env.id())
                .add("repos", repos.digest())
                .add("builddeps", names)
                .hex();
    }

    private Map<String, String> labels(Profile profile, String hash) {
        return Map.of(Labels.SESSION, session.id(), Labels.PROFILE, profile.name(), Labels.INPUTS, hash);
    }

    /** The packages in a stable order, each once: the order given does not change the image. */
    private static List<String> normalized(Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }

    private static ImageMissingException missingBase(Profile profile) {
        return new ImageMissingException(profile.baseImage(), Phrase.of("make it with ", profile.makeBase(),
                ", or choose another profile (", BuildSetup.Field.PROFILE, ", XSBUILD_PROFILE)"));
    }

    private static Path tempDir() throws FailedException {
        try {
            return Files.createTempDirectory("xsbuild-context-");
        } catch (IOException e) {
            throw new FailedException("Cannot make a temporary directory for a build context: " + e.getMessage(), e);
        }
    }

}
