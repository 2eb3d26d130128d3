package io.xsbuild.profile;

/**
 * Where things are inside every xsbuild build image, whatever its profile: the repository given
 * with {@code --repo} is mounted read-only at {@link #REPO_MOUNT} and known to the package manager
 * as {@link #REPO_ID}; builds run as the unprivileged {@link #BUILDER}.
 */
public final class ContainerLayout {

    /** The repository's id in the package manager's configuration. */
    public static final String REPO_ID = "xsbuild";

    /** Where the repository given with {@code --repo} is mounted, read-only. */
    public static final String REPO_MOUNT = "/srv/xsbuild/repo";

    /** The repository definition's file, in the directory yum and dnf both read. */
    public static final String REPO_FILE = "/etc/yum.repos.d/xsbuild.repo";

    /** The unprivileged user that rpmbuild and shells run as. */
    public static final String BUILDER = "builder";

    public static final String BUILDER_HOME = "/home/builder";

    /** rpmbuild's %_topdir: BUILD, RPMS, SOURCES, SPECS and SRPMS below it. */
    public static final String TOPDIR = BUILDER_HOME + "/rpmbuild";

    /** Scratch space for xsbuild's own files: fetched source packages. */
    public static final String WORK = "/var/tmp/xsbuild";

    private ContainerLayout() {
    }

    /**
     * The repository definition every image carries. The repository is read again on every
     * command (it changes between builds), and a shell started without {@code --repo} still works.
     */
    public static String repoDefinition() {
        return "[" + REPO_ID + "]\n"
                + "name=xsbuild: the repository given with --repo, mounted read-only\n"
                + "baseurl=file://" + REPO_MOUNT + "\n"
                + "enabled=1\n"
                + "gpgcheck=0\n"
                + "repo_gpgcheck=0\n"
                + "metadata_expire=0\n"
                + "skip_if_unavailable=1\n";
    }
}
