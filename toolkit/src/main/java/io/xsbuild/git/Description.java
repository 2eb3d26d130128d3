package io.xsbuild.git;

import java.util.Objects;

/**
 * What {@code git describe --tags [--always] [--dirty]} says of a commit, in parts.
 *
 * @param tag             the nearest tag, or null when described by the abbreviated id alone ({@code --always})
 * @param distance        commits between the tag and the described commit; 0 exactly on the tag
 * @param abbreviatedId   the commit id abbreviated as git abbreviates it
 * @param dirty           the work tree has changes to tracked files
 */
public record Description(String tag, int distance, String abbreviatedId, boolean dirty) {

    public Description {
        Objects.requireNonNull(abbreviatedId, "abbreviatedId");
        if (tag == null && distance != 0) {
            throw new IllegalArgumentException("a description without a tag has no distance");
        }
    }

    public boolean exactlyOnTag() {
        return tag != null && distance == 0;
    }

    /** The string git prints: {@code v1.0}, {@code v1.0-8-g96c3fcc}, {@code 96c3fcc}, each with {@code -dirty} when dirty. */
    @Override
    public String toString() {
        String base;
        if (tag == null) {
            base = abbreviatedId;
        } else if (distance == 0) {
            base = tag;
        } else {
            base = tag + "-" + distance + "-g" + abbreviatedId;
        }
        return dirty ? base + "-dirty" : base;
    }
}
