package io.xsbuild.rpm;

import io.xsbuild.rpm.header.Tags;

/** The dependency lists of a header, in the order createrepo_c reads them (provides first, for the requires filter). */
enum DependencyKind {
    PROVIDES(Tags.PROVIDENAME, Tags.PROVIDEFLAGS, Tags.PROVIDEVERSION),
    CONFLICTS(Tags.CONFLICTNAME, Tags.CONFLICTFLAGS, Tags.CONFLICTVERSION),
    OBSOLETES(Tags.OBSOLETENAME, Tags.OBSOLETEFLAGS, Tags.OBSOLETEVERSION),
    REQUIRES(Tags.REQUIRENAME, Tags.REQUIREFLAGS, Tags.REQUIREVERSION),
    SUGGESTS(Tags.SUGGESTNAME, Tags.SUGGESTFLAGS, Tags.SUGGESTVERSION),
    ENHANCES(Tags.ENHANCENAME, Tags.ENHANCEFLAGS, Tags.ENHANCEVERSION),
    RECOMMENDS(Tags.RECOMMENDNAME, Tags.RECOMMENDFLAGS, Tags.RECOMMENDVERSION),
    SUPPLEMENTS(Tags.SUPPLEMENTNAME, Tags.SUPPLEMENTFLAGS, Tags.SUPPLEMENTVERSION),
    /** Weak dependencies as rpm before 4.12 recorded them: suggests, or recommends when marked strong. */
    OLD_SUGGESTS(Tags.OLDSUGGESTSNAME, Tags.OLDSUGGESTSFLAGS, Tags.OLDSUGGESTSVERSION),
    /** enhances, or supplements when marked strong. */
    OLD_ENHANCES(Tags.OLDENHANCESNAME, Tags.OLDENHANCESFLAGS, Tags.OLDENHANCESVERSION);

    final int nameTag;
    final int flagsTag;
    final int versionTag;

    DependencyKind(int nameTag, int flagsTag, int versionTag) {
        this.nameTag = nameTag;
        this.flagsTag = flagsTag;
        this.versionTag = versionTag;
    }
}
