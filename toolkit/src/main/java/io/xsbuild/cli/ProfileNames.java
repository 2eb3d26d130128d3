package io.xsbuild.cli;

import io.xsbuild.profile.ProfileCatalog;

import java.util.Iterator;

/** The profiles {@code --profile} takes, for its help, completion and man page: the catalog's names. */
final class ProfileNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return ProfileCatalog.load(System.getenv()).names().iterator();
    }
}
