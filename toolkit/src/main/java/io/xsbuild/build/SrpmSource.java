package io.xsbuild.build;

import io.xsbuild.container.LineSink;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.profile.Profile;
import io.xsbuild.session.SessionContainer;

/**
 * Where a build's source package comes from: the repository ({@link RepoSrpm}), a file on the host
 * ({@link HostSrpm}), or anything else that can put one in the build container, such as a
 * source package made there from a git checkout.
 */
public interface SrpmSource {

    /** The name the package's logs and result go under. */
    String name();

    /**
     * Puts the source package in the container, as root.
     *
     * @param log where the output of the tools it runs goes (root.log)
     * @return the source package's path in the container, readable by the builder
     */
    String fetch(SessionContainer container, Profile profile, LineSink log) throws XsbuildException;

    /** The repository package this is, if it is one: what a warm image can be made for. */
    default String repositoryPackage() {
        return null;
    }
}
