package io.xsbuild.build.source;

import io.xsbuild.container.LineSink;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.profile.Profile;
import io.xsbuild.packages.SourceDownload;
import io.xsbuild.session.SessionContainer;

import java.util.Objects;

/** A source package fetched by name from the repository, with the profile's download tool. */
public record RepoSrpm(String name) implements SrpmSource {

    public RepoSrpm {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String fetch(SessionContainer container, Profile profile, LineSink log) throws XsbuildException {
        return new SourceDownload(profile.packageManager()).fetch(container, name, log);
    }

    @Override
    public String repositoryPackage() {
        return name;
    }
}
