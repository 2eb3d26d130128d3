package io.xsbuild.fetch;

import io.xsbuild.error.UsageException;
import io.xsbuild.io.FileNames;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Where an ISO comes from, as the user named it: a local file, an http(s) URL or Maven coordinates. */
public sealed interface IsoSource {

    String HINT = "give a path to an ISO file, an http(s) URL, or Maven coordinates G:A:V[:ext[:classifier]]";

    /** What the user typed. */
    String spec();

    record Local(String spec, Path path) implements IsoSource {
    }

    record Http(String spec, URI uri) implements IsoSource {
    }

    record Maven(String spec, MavenCoordinates coordinates) implements IsoSource {
    }

    /**
     * Reads a user's string: {@code http://} and {@code https://} are URLs, {@code G:A:V[:ext[:classifier]]}
     * without a '/' is an artifact, anything else a path relative to {@code workingDir}.
     */
    static IsoSource parse(String spec, Path workingDir) throws UsageException {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                URI uri = new URI(spec);
                if (uri.getHost() == null) {
                    throw new UsageException("the ISO URL " + spec + " names no host", HINT);
                }
                return new Http(spec, uri);
            } catch (URISyntaxException e) {
                throw new UsageException("the ISO URL " + spec + " is not a valid URL: " + e.getReason(), HINT);
            }
        }
        if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
            throw new UsageException("the ISO source " + spec + " uses a scheme xsbuild does not fetch from", HINT);
        }
        Optional<MavenCoordinates> coordinates = spec.contains("/") ? Optional.empty() : MavenCoordinates.parse(spec);
        if (coordinates.isPresent()) {
            return new Maven(spec, coordinates.get());
        }
        String unusable = FileNames.unusablePath(spec);
        if (unusable != null) {
            throw new UsageException("the ISO path '" + spec + "' cannot be read as a path: " + unusable);
        }
        try {
            return new Local(spec, workingDir.resolve(spec).normalize());
        } catch (InvalidPathException e) {
            throw new UsageException("the ISO path " + spec + " is not a valid path", HINT);
        }
    }
}
