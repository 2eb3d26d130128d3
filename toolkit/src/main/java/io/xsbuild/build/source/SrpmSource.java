package io.xsbuild.build.source;

import io.xsbuild.container.LineSink;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.profile.Profile;
import io.xsbuild.session.SessionContainer;

import java.util.List;
import java.util.Map;

/**
 * Where a build's source package comes from: the repository ({@link RepoSrpm}), a file on the host
 * ({@link HostSrpm}), or a git checkout whose source package is made in the build container
 * ({@link GitSrpm}); and what its {@code rpmbuild --rebuild} needs besides the user's options.
 */
public interface SrpmSource {

    /** The name the package's logs and result go under. */
    public String name();

    /**
     * Puts the source package in the container, as root.
     *
     * @param log where the output of the tools it runs goes (root.log)
     * @return the source package's path in the container, readable by the builder
     */
    public String fetch(SessionContainer container, Profile profile, LineSink log) throws XsbuildException;

    /** The stage {@link #fetch} is, as state.log and result.json name it. */
    public default String stage() {
        return "fetch";
    }

    /** What {@link #fetch} does, as the user is told. */
    public default String action() {
        return "fetching the source package";
    }

    /** The repository package this is, if it is one: what a warm image can be made for. */
    public default String repositoryPackage() {
        return null;
    }

    /** rpmbuild's {@code --define} arguments for a build in {@code topDir}: the top dir, and any the source needs. */
    public default List<String> rpmbuildDefines(String topDir) {
        return List.of("--define", "_topdir " + topDir);
    }

    /** What rpmbuild's environment needs besides the builder's home, for a build in {@code topDir}. */
    public default Map<String, String> rpmbuildEnvironment(String topDir) {
        return Map.of();
    }

    /** Where a build from git came from; null for other sources. */
    public default GitOrigin origin() {
        return null;
    }
}
