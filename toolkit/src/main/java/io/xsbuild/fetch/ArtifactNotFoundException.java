package io.xsbuild.fetch;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;

import java.util.List;

/** Maven coordinates that none of the repositories asked holds. */
public class ArtifactNotFoundException extends FailedException {

    public ArtifactNotFoundException(MavenCoordinates coordinates, List<String> repositories, Throwable cause) {
        super(Phrase.of("Maven artifact ", coordinates, " was not found in ", String.join(", ", repositories)),
                Phrase.of("check the coordinates (G:A:V[:ext[:classifier]]) and ", FetchOptions.Field.MAVEN_REPOSITORIES), cause);
    }
}
