package io.xsbuild.git;

import io.xsbuild.error.Setting;

/**
 * How to describe a commit, as {@code git describe --tags} takes it.
 *
 * @param match  a glob(7) pattern the tag must match ({@code --match}), or null for any tag
 * @param always fall back to the abbreviated commit id when no tag is reachable ({@code --always})
 */
public record DescribeOptions(String match, boolean always) {

    public static final DescribeOptions DEFAULT = new DescribeOptions(null, false);

    /** The fields messages name. */
    public enum Field implements Setting { MATCH, ALWAYS }
}
