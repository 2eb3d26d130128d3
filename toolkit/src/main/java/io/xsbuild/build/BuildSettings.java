package io.xsbuild.build;

import io.xsbuild.build.source.RpmbuildOptions;
import io.xsbuild.error.Setting;

import java.util.Objects;

/**
 * How each package is built.
 *
 * @param network        whether rpmbuild keeps the container's network (it is cut by default)
 * @param keep           whether containers are left in place once built or failed
 * @param shellOnFailure whether a failed build opens an interactive shell in its container
 * @param interactive    whether a person is at a terminal (a shell needs one)
 */
public record BuildSettings(RpmbuildOptions rpmbuild, boolean network, boolean keep, boolean shellOnFailure,
                            boolean interactive) {
    /** The fields messages name. */
    public enum Field implements Setting { SHELL_ON_FAILURE }

    public static final BuildSettings DEFAULT = new BuildSettings(RpmbuildOptions.NONE, false, false, false, false);

    public BuildSettings {
        Objects.requireNonNull(rpmbuild, "rpmbuild");
    }
}
