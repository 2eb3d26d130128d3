package io.xsbuild.rpm;

import io.xsbuild.rpm.header.Header;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A header's dependencies as createrepo_c lists them. Requires leave out rpmlib() capabilities,
 * files the package ships that primary.xml lists, exactly what the package provides itself, and
 * repeats; only the newest libc.so.6 requirement stays; a requirement marked missing-ok becomes a
 * recommendation. Old-style weak dependencies become suggests, enhances, recommends or supplements.
 */
final class DependencyReader {

    private static final long SENSE_MASK = 0xf;
    private static final long POSTTRANS = 1 << 5;
    private static final long PREREQ = 1 << 6;
    private static final long PRETRANS = 1 << 7;
    private static final long SCRIPT_PRE = 1 << 9;
    private static final long SCRIPT_POST = 1 << 10;
    private static final long MISSINGOK = 1 << 19;
    private static final long STRONG = 1 << 27;
    /** Requirements needed before the package's scripts run: written with pre="1". */
    private static final long PRE = PREREQ | SCRIPT_PRE | SCRIPT_POST | PRETRANS | POSTTRANS;

    /** The last requirement kept under a name, to drop exact repeats. */
    private record Kept(String flags, String version, boolean pre) {
    }


    /** A header's raw lists for one kind: parallel names, flags and version strings. */
    record Raw(List<String> names, long[] flags, List<String> versions) {
        int size() {
            return Math.min(names.size(), Math.min(flags.length, versions.size()));
        }
    }

    private final Map<DependencyKind, List<Dependency>> lists = new EnumMap<>(DependencyKind.class);
    /** What the package provides, as name, comparison and version run together (createrepo_c's key). */
    private final Set<String> provided = new HashSet<>();
    private final Map<String, Kept> required = new HashMap<>();
    private final List<FileEntry> files;
    private Set<String> fileNames;
    private final Consumer<String> warnings;

    private DependencyReader(List<FileEntry> files, Consumer<String> warnings) {
        this.files = files;
        this.warnings = warnings;
        for (DependencyKind kind : DependencyKind.values()) {
            lists.put(kind, new ArrayList<>());
        }
    }

    /**
     * @param provides  the provides to use instead of the header's (a legacy package's retrofitted
     *                  list), or null
     * @param files     what the package ships
     */
    static Dependencies read(Header header, Raw provides, List<FileEntry> files, Consumer<String> warnings)
            throws RpmFormatException {
        DependencyReader reader = new DependencyReader(files, warnings);
        for (DependencyKind kind : DependencyKind.values()) {
            Raw raw = kind == DependencyKind.PROVIDES && provides != null ? provides : raw(header, kind);
            if (raw != null) {
                reader.add(kind, raw);
            }
        }
        return reader.result();
    }

    /** The kind's three lists, or null when one of them is missing (createrepo_c then reads none of it). */
    static Raw raw(Header header, DependencyKind kind) throws RpmFormatException {
        if (!header.has(kind.nameTag) || !header.has(kind.flagsTag) || !header.has(kind.versionTag)) {
            return null;
        }
        return new Raw(header.strings(kind.nameTag), header.numbers(kind.flagsTag), header.strings(kind.versionTag));
    }

    private void add(DependencyKind kind, Raw raw) {
        Dependency newestLibc = null;
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.names().get(i);
            long flags = raw.flags()[i];
            String sense = sense(flags);
            String full = raw.versions().get(i);
            boolean pre = false;
            if (kind == DependencyKind.REQUIRES) {
                if (name.startsWith("rpmlib(")
                        || name.startsWith("/") && FileEntry.isPrimary(name) && ships(name)
                        || provided.contains(name + sense + full)) {
                    continue;
                }
                pre = (flags & PRE) != 0;
                Kept kept = required.get(name);
                if (kept != null && kept.flags().equals(sense) && kept.version().equals(full) && kept.pre() == pre) {
                    continue;
                }
            }
            Evr evr = Evr.parse(full);
            if (evr.badEpoch()) {
                warnings.accept("dependency \"" + name + "\" has a bad epoch in its version \"" + full
                        + "\"; it is left out, as createrepo_c leaves it out");
                continue;
            }
            Dependency dep = new Dependency(name, sense, evr.epoch(), evr.version(), evr.release(), pre);
            switch (kind) {
                case PROVIDES -> {
                    provided.add(name + sense + full);
                    lists.get(kind).add(dep);
                }
                case REQUIRES -> {
                    if ((flags & MISSINGOK) != 0) {
                        lists.get(DependencyKind.RECOMMENDS).add(dep);
                    } else if (name.startsWith("libc.so.6")) {
                        if (newestLibc == null || RpmVersions.newerLibc(newestLibc.name(), name)) {
                            newestLibc = dep;
                        }
                    } else {
                        lists.get(kind).add(dep);
                        required.put(name, new Kept(sense, full, pre));
                    }
                }
                case OLD_SUGGESTS -> lists.get((flags & STRONG) != 0 ? DependencyKind.RECOMMENDS
                        : DependencyKind.SUGGESTS).add(dep);
                case OLD_ENHANCES -> lists.get((flags & STRONG) != 0 ? DependencyKind.SUPPLEMENTS
                        : DependencyKind.ENHANCES).add(dep);
                default -> lists.get(kind).add(dep);
            }
        }
        if (newestLibc != null) {
            lists.get(DependencyKind.REQUIRES).add(newestLibc);
        }
    }

    /** Whether the package ships {@code path}; the set of its paths is made on first need only. */
    private boolean ships(String path) {
        if (fileNames == null) {
            fileNames = new HashSet<>(files.size() * 2);
            files.forEach(f -> fileNames.add(f.path()));
        }
        return fileNames.contains(path);
    }

    private Dependencies result() {
        return new Dependencies(lists.get(DependencyKind.PROVIDES), lists.get(DependencyKind.REQUIRES),
                lists.get(DependencyKind.CONFLICTS), lists.get(DependencyKind.OBSOLETES),
                lists.get(DependencyKind.SUGGESTS), lists.get(DependencyKind.ENHANCES),
                lists.get(DependencyKind.RECOMMENDS), lists.get(DependencyKind.SUPPLEMENTS));
    }

    /** The comparison in a dependency's flags, as repodata names it, or "" when it is unversioned. */
    static String sense(long flags) {
        return switch ((int) (flags & SENSE_MASK)) {
            case 2 -> "LT";
            case 4 -> "GT";
            case 8 -> "EQ";
            case 10 -> "LE";
            case 12 -> "GE";
            default -> "";
        };
    }
}
