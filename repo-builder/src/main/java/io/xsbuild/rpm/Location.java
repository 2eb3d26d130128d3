package io.xsbuild.rpm;

import java.util.Objects;

/**
 * Where a package is found: {@code href} relative to the repository, and the base URL it is
 * relative to when that is not the repository itself ("" otherwise).
 */
public record Location(String href, String base) {
    public Location {
        Objects.requireNonNull(href, "href");
        base = Objects.requireNonNullElse(base, "");
    }
}
