package io.xsbuild.rpm;

import java.util.Objects;

/**
 * One entry of a package's provides, requires, conflicts, obsoletes or weak dependencies, as
 * repodata lists it. Absent parts are empty strings: {@code flags} is "" for an unversioned
 * dependency, else EQ, LT, GT, LE or GE.
 *
 * @param pre for requires: needed before the package's scriptlets run ({@code pre="1"})
 */
public record Dependency(String name, String flags, String epoch, String version, String release, boolean pre) {

    public Dependency {
        Objects.requireNonNull(name, "name");
        flags = Objects.requireNonNullElse(flags, "");
        epoch = Objects.requireNonNullElse(epoch, "");
        version = Objects.requireNonNullElse(version, "");
        release = Objects.requireNonNullElse(release, "");
    }

    /** An unversioned dependency. */
    public static Dependency of(String name) {
        return new Dependency(name, "", "", "", "", false);
    }
}
