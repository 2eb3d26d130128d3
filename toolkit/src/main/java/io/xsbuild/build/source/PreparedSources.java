package io.xsbuild.build.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A git build made ready for rpmbuild: a {@code SPECS/} + {@code SOURCES/} tree under {@code topDir} holding the
 * stamped spec, the Source0 tarball of the commit and the spec's other sources and patches. Every file in it
 * is dated {@code sourceDateEpoch}.
 *
 * @param topDir          rpm's {@code %_topdir} for it: {@code rpmbuild -bs --define "_topdir TOPDIR" SPECFILE} makes the SRPM
 * @param specFile        the stamped spec, in {@code topDir/SPECS}
 * @param sourcesDir      {@code topDir/SOURCES}
 * @param source0         the tarball made of the commit, named as the spec's Source0 expects
 * @param name            the package name, from the spec
 * @param version         the Version as written to the spec (the tag's, with {@code --version-from-tag})
 * @param release         the Release as written to the spec, macros unexpanded: {@code 1+s0+0.10.0+8+g96c3fcc%{?dist}}
 * @param describe        what {@code git describe --tags [--always] --dirty} says: {@code 0.10.0-8-g96c3fcc}
 * @param sourceDateEpoch the commit's committer time, in seconds
 * @param commit          the full id of the commit built
 * @param dirty           the work tree had uncommitted changes to tracked files, which Source0 then holds
 * @param location        the checkout's path, or the URL it was fetched from
 */
public record PreparedSources(Path topDir, Path specFile, Path sourcesDir, Path source0, String name, String version,
                              String release, String describe, long sourceDateEpoch, String commit, boolean dirty,
                              String location) {

    /** The macros that make rpmbuild's output depend on its inputs alone (rpm 4.18 and later know them all). */
    public static final List<String> REPRODUCIBLE_DEFINES = List.of(
            "source_date_epoch_from_changelog 0",
            "use_source_date_epoch_as_buildtime 1",
            "clamp_mtime_to_source_date_epoch 1",
            "_buildhost xsbuild");

    /**
     * The environment rpmbuild must run with, given where {@code topDir} is as rpmbuild sees it (in the
     * container): {@code SOURCE_DATE_EPOCH} (the commit time), and {@code GIT_CEILING_DIRECTORIES} at the
     * top dir, so that git run by the build below {@code BUILD/} never finds a repository above it.
     */
    public Map<String, String> rpmbuildEnvironment(String topDirSeenByRpmbuild) {
        return Map.of("SOURCE_DATE_EPOCH", Long.toString(sourceDateEpoch),
                "GIT_CEILING_DIRECTORIES", topDirSeenByRpmbuild);
    }

    /** rpmbuild's {@code --define} arguments: {@code _topdir} and {@link #REPRODUCIBLE_DEFINES}. */
    public List<String> rpmbuildDefines(String topDirSeenByRpmbuild) {
        List<String> args = new java.util.ArrayList<>(List.of("--define", "_topdir " + topDirSeenByRpmbuild));
        for (String define : REPRODUCIBLE_DEFINES) {
            args.add("--define");
            args.add(define);
        }
        return List.copyOf(args);
    }
}
