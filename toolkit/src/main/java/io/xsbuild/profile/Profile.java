package io.xsbuild.profile;

import io.xsbuild.repository.RepoFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A build environment, as its folder describes it ({@code dockerfiles/<name>/profile.properties}, its
 * Dockerfile, its repository files): a base image and how it is made, the package manager, the
 * toolchain installed on top, the rpm macros every build gets, and the repositories it brings.
 *
 * @param name           the profile's name ({@code xs8}, {@code xcpng-8.3}, {@code testbase})
 * @param description    one line saying what it is
 * @param aliases        other names it answers to ({@code el7} for {@code xs8})
 * @param baseImage      the image it starts from
 * @param base           how {@code baseImage} is made when the engine lacks it
 * @param packageManager how packages are installed, fetched and their build dependencies resolved
 * @param toolchain      packages every build needs, installed when the image is made
 * @param hostTools      tools {@code base} needs on the host
 * @param macros         rpm macros written into the image ({@code dist} and the like)
 * @param repoFiles      the repository files the image carries in {@code /etc/yum.repos.d}
 * @param folder         where its files are
 */
public record Profile(String name, String description, List<String> aliases, String baseImage, BaseRecipe base,
                      PackageManager packageManager, List<String> toolchain, List<String> hostTools,
                      SortedMap<String, String> macros, List<RepoFile> repoFiles, ProfileFolder folder) {

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(packageManager, "packageManager");
        Objects.requireNonNull(folder, "folder");
        description = description == null ? "" : description;
        aliases = List.copyOf(aliases);
        toolchain = List.copyOf(toolchain);
        hostTools = List.copyOf(hostTools);
        macros = Collections.unmodifiableSortedMap(new TreeMap<>(macros));
        repoFiles = List.copyOf(repoFiles);
    }

    /** The same profile on another base image ({@code --base}), which is pulled. */
    public Profile withBase(String image) {
        return new Profile(name, description, aliases, image, BaseRecipe.PULL, packageManager, toolchain, List.of(),
                macros, repoFiles, folder);
    }

    /** The command that makes the base image, as the user is told to run it. */
    public String makeBase() {
        return base.command(baseImage, folder);
    }

    /** The ids of the repositories the profile brings, in the order its files define them. */
    public List<String> repositoryIds() {
        List<String> ids = new ArrayList<>();
        repoFiles.forEach(f -> f.sections().forEach(s -> ids.add(s.id())));
        return ids;
    }

    /** Whether it answers to {@code requested}: its name or one of its aliases. */
    public boolean answersTo(String requested) {
        return name.equals(requested) || aliases.contains(requested);
    }
}
