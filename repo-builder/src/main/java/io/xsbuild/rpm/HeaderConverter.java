package io.xsbuild.rpm;

import io.xsbuild.rpm.header.Header;
import io.xsbuild.rpm.header.HeaderType;
import io.xsbuild.rpm.header.HeaderText;
import io.xsbuild.rpm.header.Tags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A package record from its two headers alone, with no file I/O: what createrepo_c's
 * cr_package_from_header makes of the header librpm hands it (signature values merged in,
 * legacy packages retrofitted), and nothing it would refuse to write.
 */
public final class HeaderConverter {

    private static final String NONE = "(none)";

    private HeaderConverter() {
    }

    /**
     * @param changelogLimit how many of the newest changelog entries to keep, or -1 for all
     * @param warnings       told about what is left out (a dependency with a bad epoch)
     */
    public static RpmPackage toPackage(Header main, Header signature, int changelogLimit, Consumer<String> warnings)
            throws RpmFormatException {
        Header h = SignatureMerge.merge(main, signature);
        String name = required(h, Tags.NAME);
        String version = required(h, Tags.VERSION);
        String release = required(h, Tags.RELEASE);
        boolean legacy = h.regionTag() != Tags.HEADERIMMUTABLE && h.regionTag() != Tags.HEADERIMAGE;
        boolean hasSourceRpm = h.has(Tags.SOURCERPM);
        boolean source = h.number(Tags.SOURCEPACKAGE, 0) != 0;
        if (!hasSourceRpm && !h.has(Tags.SOURCEPACKAGE)) {
            source = looksLikeSource(h);
            hasSourceRpm = !source;
        }
        List<FileEntry> files = FileListReader.read(h);
        DependencyReader.Raw provides = legacy && hasSourceRpm ? legacyProvides(h, name, version, release) : null;
        RpmPackage pkg = new RpmPackage(
                name,
                source ? "src" : text(h, Tags.ARCH),
                Long.toUnsignedString(h.number(Tags.EPOCH, 0)),
                version,
                release,
                text(h, Tags.SUMMARY),
                text(h, Tags.DESCRIPTION),
                text(h, Tags.PACKAGER),
                text(h, Tags.URL),
                h.number(Tags.BUILDTIME, 0),
                text(h, Tags.LICENSE),
                text(h, Tags.VENDOR),
                text(h, Tags.GROUP),
                text(h, Tags.BUILDHOST),
                h.has(Tags.SOURCERPM) ? text(h, Tags.SOURCERPM) : hasSourceRpm ? NONE : "",
                size(h, Tags.LONGSIZE, Tags.SIZE, 0),
                size(h, Tags.LONGARCHIVESIZE, Tags.ARCHIVESIZE, Tags.PAYLOADSIZEALT),
                DependencyReader.read(h, provides, files, warnings),
                files,
                ChangelogReader.read(h, changelogLimit),
                null, null);
        if (h.readControlCharacters()) {
            PackageText.check(pkg);
        }
        return pkg;
    }

    private static String required(Header h, int tag) throws RpmFormatException {
        String value = h.string(tag);
        if (value == null) {
            throw new RpmFormatException("the header has no " + Tags.describe(tag));
        }
        return value;
    }

    private static String text(Header h, int tag) throws RpmFormatException {
        String value = h.string(tag);
        return value == null ? "" : value;
    }

    /**
     * A 64-bit size as librpm's extension tags read it: the LONG tag when present, else the 32-bit
     * one when it is INT32; for rpm 6 packages, which carry neither, {@code v6Tag}.
     */
    private static long size(Header h, int longTag, int shortTag, int v6Tag) throws RpmFormatException {
        if (h.has(longTag)) {
            return h.number(longTag, 0);
        }
        if (h.type(shortTag) == HeaderType.INT32) {
            return h.number(shortTag, 0);
        }
        return v6Tag != 0 ? h.number(v6Tag, 0) : 0;
    }

    /**
     * librpm's guess for a package that says neither whether it is a source package nor which
     * source package it came from: a source package keeps all its files in one unnamed directory.
     */
    private static boolean looksLikeSource(Header h) throws RpmFormatException {
        boolean listed = h.type(Tags.DIRNAMES) == HeaderType.STRING_ARRAY
                || !h.has(Tags.DIRNAMES) && h.has(Tags.OLDFILENAMES);
        if (!listed) {
            return false;
        }
        List<String> dirs = FileListReader.dirNames(h);
        return dirs.size() == 1 && dirs.get(0).isEmpty();
    }

    /**
     * The provides of a package made before rpm 4 (no immutable region), as librpm retrofits them:
     * unversioned entries filled in when the header has names only, and "name = [epoch:]version-release"
     * added unless the package already provides exactly that.
     */
    private static DependencyReader.Raw legacyProvides(Header h, String name, String version, String release)
            throws RpmFormatException {
        String evr = (h.has(Tags.EPOCH) ? Long.toUnsignedString(h.number(Tags.EPOCH, 0)) + ":" : "")
                + version + "-" + release;
        long equal = 8;
        List<String> names = h.strings(Tags.PROVIDENAME);
        long[] flags;
        List<String> versions;
        if (h.has(Tags.PROVIDENAME) && !h.has(Tags.PROVIDEVERSION)) {
            flags = new long[names.size()];
            versions = Collections.nCopies(names.size(), "");
        } else {
            flags = h.numbers(Tags.PROVIDEFLAGS);
            versions = h.strings(Tags.PROVIDEVERSION);
            int n = Math.min(names.size(), Math.min(flags.length, versions.size()));
            for (int i = 0; i < n; i++) {
                if (names.get(i).equals(name) && flags[i] == equal && versions.get(i).equals(evr)) {
                    return new DependencyReader.Raw(names, flags, versions);
                }
            }
        }
        List<String> allNames = new ArrayList<>(names);
        List<String> allVersions = new ArrayList<>(versions);
        long[] allFlags = Arrays.copyOf(flags, flags.length + 1);
        allNames.add(name);
        allVersions.add(evr);
        allFlags[flags.length] = equal;
        return new DependencyReader.Raw(allNames, allFlags, allVersions);
    }

    /** Refuses what XML 1.0 cannot carry, as createrepo_c refuses to write it. */
    private static final class PackageText {
        private PackageText() {
        }

        static void check(RpmPackage p) throws RpmFormatException {
            check("NAME", p.name());
            check("ARCH", p.arch());
            check("VERSION", p.version());
            check("RELEASE", p.release());
            check("SUMMARY", p.summary());
            check("DESCRIPTION", p.description());
            check("URL", p.url());
            check("LICENSE", p.license());
            check("VENDOR", p.vendor());
            check("GROUP", p.group());
            check("BUILDHOST", p.buildHost());
            check("SOURCERPM", p.sourceRpm());
            check("PACKAGER", p.packager());
            Dependencies d = p.dependencies();
            for (List<Dependency> list : List.of(d.provides(), d.requires(), d.conflicts(), d.obsoletes(),
                    d.suggests(), d.enhances(), d.recommends(), d.supplements())) {
                for (Dependency dep : list) {
                    check("a dependency name", dep.name());
                    check("the version of dependency " + dep.name(), dep.epoch() + dep.version() + dep.release());
                }
            }
            for (FileEntry f : p.files()) {
                check("a file name", f.path());
            }
            for (Changelog c : p.changelogs()) {
                check("a changelog author", c.author());
                check("a changelog entry", c.text());
            }
        }

        private static void check(String what, String text) throws RpmFormatException {
            int at = HeaderText.forbiddenCharacter(text);
            if (at >= 0) {
                throw new RpmFormatException(what + " contains the control character " + String.format("0x%02x",
                        (int) text.charAt(at)) + ", which XML cannot carry (createrepo_c refuses such packages too)");
            }
        }
    }
}
