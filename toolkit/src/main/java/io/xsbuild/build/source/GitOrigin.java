package io.xsbuild.build.source;

/**
 * Where a build from git came from, as result.json records it.
 *
 * @param location the checkout's path or the URL it was fetched from
 * @param commit   the full id of the commit built
 * @param describe what {@code git describe --tags [--always] --dirty} says of it: {@code 0.10.0-8-g96c3fcc}
 * @param dirty    the work tree had uncommitted changes to tracked files, which the build holds
 * @param version  the Version written to the spec, or null for a {@code --make} build
 * @param release  the Release written to the spec, macros unexpanded ({@code 1+s0+0.10.0+8+g96c3fcc%{?dist}}),
 *                 or null for a {@code --make} build
 */
public record GitOrigin(String location, String commit, String describe, boolean dirty, String version, String release) {

    public static GitOrigin of(PreparedSources sources) {
        return new GitOrigin(sources.location(), sources.commit(), sources.describe(), sources.dirty(), sources.version(),
                sources.release());
    }

    public static GitOrigin of(PreparedTree tree) {
        return new GitOrigin(tree.location(), tree.commit(), tree.describe(), tree.dirty(), null, null);
    }
}
