package io.xsbuild.fetch;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An artifact named {@code G:A:V[:ext[:classifier]]}, the extension "iso" unless given.
 *
 * @param classifier the classifier, or "" for none
 */
public record MavenCoordinates(String groupId, String artifactId, String version, String extension, String classifier) {

    public static final String DEFAULT_EXTENSION = "iso";

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._\\-+~]+");

    /** The coordinates {@code text} spells, if it spells any. */
    public static Optional<MavenCoordinates> parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 3 || parts.length > 5) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new MavenCoordinates(parts[0], parts[1], parts[2],
                parts.length > 3 ? parts[3] : DEFAULT_EXTENSION, parts.length > 4 ? parts[4] : ""));
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier);
    }
}
