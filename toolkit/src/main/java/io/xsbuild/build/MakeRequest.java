package io.xsbuild.build;

import io.xsbuild.error.Setting;

import java.util.List;

/**
 * A {@code --make} build: {@code make TARGET} in a copy of the checkout, instead of rpmbuild.
 *
 * @param target      the target to make, or null for make's default
 * @param packageName the repository's source package whose BuildRequires to install ({@code --package}), or null
 *                    for those of the checkout's spec, or none when it has no spec
 * @param artifacts   the globs of the files to bring out ({@code --artifacts}); empty for every file make
 *                    added or changed
 */
public record MakeRequest(String target, String packageName, List<String> artifacts) {
    /** The fields messages name. */
    public enum Field implements Setting { PACKAGE_NAME, ARTIFACTS }

    public MakeRequest {
        target = target == null || target.isBlank() ? null : target;
        artifacts = List.copyOf(artifacts);
    }

    /** The command run in the copy. */
    List<String> command() {
        return target == null ? List.of("make") : List.of("make", target);
    }
}
