package io.xsbuild.build.source;

import io.xsbuild.error.Setting;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code xsbuild build} was asked to build, as its flags say it.
 *
 * @param source         a path inside a git checkout, or a git URL ({@code file://}, {@code https://}, {@code user@host:path})
 * @param ref            the branch, tag or commit to build ({@code --ref}); null for the checkout as it is, or the remote's HEAD
 * @param spec           the spec ({@code --spec}), relative to the checkout's root unless absolute; null to find the one spec
 * @param match          the glob tags must match to version the build ({@code --match}); null for any tag
 * @param versionFromTag set Version from the tag too ({@code --version-from-tag})
 * @param always         version untagged history by the abbreviated commit id ({@code --always})
 * @param versioning     whether the spec is stamped with git describe or built as it is ({@code --versioning})
 */
public record BuildRequest(String source, String ref, Path spec, String match, boolean versionFromTag, boolean always,
                           Versioning versioning) {

    /** The fields messages name. */
    public enum Field implements Setting { REF, SPEC, VERSION_FROM_TAG, VERSIONING }

    public BuildRequest {
        Objects.requireNonNull(source, "source");
        versioning = versioning == null ? Versioning.AUTO : versioning;
    }

    /** The checkout at {@code source} as it is, with its one spec, versioned as its layout says. */
    public static BuildRequest of(String source) {
        return new BuildRequest(source, null, null, null, false, false, Versioning.AUTO);
    }
}
