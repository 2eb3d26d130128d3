package io.xsbuild.build.source;

import java.nio.file.Path;
import java.util.List;

/**
 * A copy of a checkout for a {@code --make} build: its tracked files as they are in the work tree,
 * uncommitted changes included and untracked files left out, permissions and times kept.
 *
 * @param dir             where the copy is
 * @param name            the checkout's name, as its path or URL ends ({@code xcp-networkd})
 * @param location        the checkout's path, or the URL it was fetched from
 * @param spec            the checkout's spec, relative to its root, when one was looked for and found; else null
 * @param describe        {@code git describe --tags --always --dirty} of the checkout
 * @param sourceDateEpoch the commit's committer time, in seconds, for {@code SOURCE_DATE_EPOCH}
 * @param commit          the full id of the commit checked out
 * @param dirty           the work tree had uncommitted changes to tracked files
 * @param submodules      submodule paths, which are not copied
 */
public record PreparedTree(Path dir, String name, String location, String spec, String describe, long sourceDateEpoch,
                           String commit, boolean dirty, List<String> submodules) {

    public PreparedTree {
        submodules = List.copyOf(submodules);
    }
}
