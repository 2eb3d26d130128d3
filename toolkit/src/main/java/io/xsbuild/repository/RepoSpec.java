package io.xsbuild.repository;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A repository as {@code --repo} names it: a directory, a {@code file://}, {@code http://} or
 * {@code https://} baseurl, or either after {@code NAME=}, which gives it its id.
 *
 * @param name     the id asked for, or null to let xsbuild name it
 * @param location the directory or URL, as typed
 */
public record RepoSpec(String name, String location) {

    /** What yum and dnf accept as a repository id. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    public RepoSpec {
        Objects.requireNonNull(location, "location");
    }

    /** {@code NAME=LOCATION} or {@code LOCATION}: the part before the first '=' is a name if it can be an id. */
    public static RepoSpec parse(String text) {
        int eq = text.indexOf('=');
        if (eq > 0 && ID.matcher(text.substring(0, eq)).matches()) {
            return new RepoSpec(text.substring(0, eq), text.substring(eq + 1));
        }
        return new RepoSpec(null, text);
    }

    /** Whether the location is a URL rather than a directory. */
    public boolean isUrl() {
        return location.startsWith("http://") || location.startsWith("https://") || location.startsWith("file:");
    }

    @Override
    public String toString() {
        return name == null ? location : name + "=" + location;
    }
}
