package io.xsbuild.profile;

import java.util.List;
import java.util.Objects;

/**
 * A build environment: a base image, the package manager commands used in it and the toolchain
 * installed on top. Its Dockerfile lives in {@code dockerfiles/<name>/}.
 *
 * @param name          the profile's name ("el7", "el9", "testbase")
 * @param baseImage     the image it starts from
 * @param packageManager how packages are installed, fetched and their build dependencies resolved
 * @param toolchain     packages every build needs
 * @param makeBase      the command that makes {@code baseImage} when the engine lacks it
 * @param hostTools     tools {@code makeBase} needs on the host
 * @param pullable      whether {@code baseImage} comes from a registry
 */
public record Profile(String name, String baseImage, PackageManager packageManager, List<String> toolchain,
                      String makeBase, List<String> hostTools, boolean pullable) {
    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(packageManager, "packageManager");
        toolchain = List.copyOf(toolchain);
        hostTools = List.copyOf(hostTools);
    }

    /** The same profile on another base image ({@code --base}). */
    public Profile withBase(String image) {
        return new Profile(name, image, packageManager, toolchain, "docker pull " + image, List.of(), true);
    }
}
