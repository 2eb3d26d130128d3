package io.xsbuild.fetch;

import java.nio.file.Path;

/**
 * An ISO source turned into a local file.
 *
 * @param source what the user named
 * @param file   the file to read
 * @param sha256 the file's SHA-256 when it was computed on the way (a download, a --sha256 check), else null
 */
public record ResolvedIso(String source, Path file, String sha256, Origin origin) {

    public enum Origin {
        /** A file that was already on disk where the user said. */
        LOCAL,
        /** Downloaded from the URL now. */
        DOWNLOADED,
        /** Downloaded from the URL by an earlier run and still the same. */
        CACHED,
        /** Resolved into the local Maven repository. */
        MAVEN
    }
}
