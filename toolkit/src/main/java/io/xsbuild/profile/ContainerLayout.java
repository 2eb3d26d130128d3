package io.xsbuild.profile;

/**
 * Where things are inside every xsbuild build image, whatever its profile: builds run as the
 * unprivileged {@link #BUILDER} in its home; xsbuild's own files go in {@link #WORK}.
 */
public final class ContainerLayout {

    /** The unprivileged user that rpmbuild and shells run as. */
    public static final String BUILDER = "builder";

    public static final String BUILDER_HOME = "/home/builder";

    /** rpmbuild's %_topdir: BUILD, RPMS, SOURCES, SPECS and SRPMS below it. */
    public static final String TOPDIR = BUILDER_HOME + "/rpmbuild";

    /** Scratch space for xsbuild's own files: fetched source packages. */
    public static final String WORK = "/var/tmp/xsbuild";

    private ContainerLayout() {
    }
}
