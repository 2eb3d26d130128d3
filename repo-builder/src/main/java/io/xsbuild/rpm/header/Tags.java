package io.xsbuild.rpm.header;

import java.util.Map;

/** The header tags xsbuild reads, numbered as rpm's {@code rpmtag.h} numbers them. */
public final class Tags {

    public static final int HEADERIMAGE = 61;
    public static final int HEADERSIGNATURES = 62;
    public static final int HEADERIMMUTABLE = 63;
    /** Tags below this one are reserved for regions. */
    public static final int HEADERI18NTABLE = 100;

    public static final int SIGSIZE = 257;
    public static final int LONGSIGSIZE = 270;
    public static final int LONGARCHIVESIZE = 271;

    public static final int NAME = 1000;
    public static final int VERSION = 1001;
    public static final int RELEASE = 1002;
    public static final int EPOCH = 1003;
    public static final int SUMMARY = 1004;
    public static final int DESCRIPTION = 1005;
    public static final int BUILDTIME = 1006;
    public static final int BUILDHOST = 1007;
    public static final int SIZE = 1009;
    public static final int VENDOR = 1011;
    public static final int LICENSE = 1014;
    public static final int PACKAGER = 1015;
    public static final int GROUP = 1016;
    public static final int URL = 1020;
    public static final int ARCH = 1022;
    public static final int OLDFILENAMES = 1027;
    public static final int FILEMODES = 1030;
    public static final int FILEFLAGS = 1037;
    public static final int SOURCERPM = 1044;
    public static final int ARCHIVESIZE = 1046;
    public static final int PROVIDENAME = 1047;
    public static final int REQUIREFLAGS = 1048;
    public static final int REQUIRENAME = 1049;
    public static final int REQUIREVERSION = 1050;
    public static final int CONFLICTFLAGS = 1053;
    public static final int CONFLICTNAME = 1054;
    public static final int CONFLICTVERSION = 1055;
    public static final int CHANGELOGTIME = 1080;
    public static final int CHANGELOGNAME = 1081;
    public static final int CHANGELOGTEXT = 1082;
    public static final int OBSOLETENAME = 1090;
    public static final int SOURCEPACKAGE = 1106;
    public static final int PROVIDEFLAGS = 1112;
    public static final int PROVIDEVERSION = 1113;
    public static final int OBSOLETEFLAGS = 1114;
    public static final int OBSOLETEVERSION = 1115;
    public static final int DIRINDEXES = 1116;
    public static final int BASENAMES = 1117;
    public static final int DIRNAMES = 1118;
    public static final int OLDSUGGESTSNAME = 1156;
    public static final int OLDSUGGESTSVERSION = 1157;
    public static final int OLDSUGGESTSFLAGS = 1158;
    public static final int OLDENHANCESNAME = 1159;
    public static final int OLDENHANCESVERSION = 1160;
    public static final int OLDENHANCESFLAGS = 1161;
    public static final int LONGSIZE = 5009;
    public static final int RECOMMENDNAME = 5046;
    public static final int RECOMMENDVERSION = 5047;
    public static final int RECOMMENDFLAGS = 5048;
    public static final int SUGGESTNAME = 5049;
    public static final int SUGGESTVERSION = 5050;
    public static final int SUGGESTFLAGS = 5051;
    public static final int SUPPLEMENTNAME = 5052;
    public static final int SUPPLEMENTVERSION = 5053;
    public static final int SUPPLEMENTFLAGS = 5054;
    public static final int ENHANCENAME = 5055;
    public static final int ENHANCEVERSION = 5056;
    public static final int ENHANCEFLAGS = 5057;
    /** rpm 6 format: the uncompressed payload's size, what v4 calls the archive size. */
    public static final int PAYLOADSIZEALT = 5113;

    /** Signature header tags, in the signature header's own numbering. */
    public static final class Signature {
        public static final int SIZE = 1000;
        public static final int PAYLOADSIZE = 1007;
        public static final int LONGSIZE = 270;
        public static final int LONGARCHIVESIZE = 271;

        private Signature() {
        }
    }

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(NAME, "NAME"), Map.entry(VERSION, "VERSION"), Map.entry(RELEASE, "RELEASE"),
            Map.entry(EPOCH, "EPOCH"), Map.entry(SUMMARY, "SUMMARY"), Map.entry(DESCRIPTION, "DESCRIPTION"),
            Map.entry(BUILDTIME, "BUILDTIME"), Map.entry(BUILDHOST, "BUILDHOST"), Map.entry(SIZE, "SIZE"),
            Map.entry(VENDOR, "VENDOR"), Map.entry(LICENSE, "LICENSE"), Map.entry(PACKAGER, "PACKAGER"),
            Map.entry(GROUP, "GROUP"), Map.entry(URL, "URL"), Map.entry(ARCH, "ARCH"),
            Map.entry(OLDFILENAMES, "OLDFILENAMES"), Map.entry(FILEMODES, "FILEMODES"),
            Map.entry(FILEFLAGS, "FILEFLAGS"), Map.entry(SOURCERPM, "SOURCERPM"),
            Map.entry(ARCHIVESIZE, "ARCHIVESIZE"), Map.entry(PROVIDENAME, "PROVIDENAME"),
            Map.entry(REQUIREFLAGS, "REQUIREFLAGS"), Map.entry(REQUIRENAME, "REQUIRENAME"),
            Map.entry(REQUIREVERSION, "REQUIREVERSION"), Map.entry(CONFLICTFLAGS, "CONFLICTFLAGS"),
            Map.entry(CONFLICTNAME, "CONFLICTNAME"), Map.entry(CONFLICTVERSION, "CONFLICTVERSION"),
            Map.entry(CHANGELOGTIME, "CHANGELOGTIME"), Map.entry(CHANGELOGNAME, "CHANGELOGNAME"),
            Map.entry(CHANGELOGTEXT, "CHANGELOGTEXT"), Map.entry(OBSOLETENAME, "OBSOLETENAME"),
            Map.entry(SOURCEPACKAGE, "SOURCEPACKAGE"), Map.entry(PROVIDEFLAGS, "PROVIDEFLAGS"),
            Map.entry(PROVIDEVERSION, "PROVIDEVERSION"), Map.entry(OBSOLETEFLAGS, "OBSOLETEFLAGS"),
            Map.entry(OBSOLETEVERSION, "OBSOLETEVERSION"), Map.entry(DIRINDEXES, "DIRINDEXES"),
            Map.entry(BASENAMES, "BASENAMES"), Map.entry(DIRNAMES, "DIRNAMES"),
            Map.entry(LONGSIZE, "LONGSIZE"), Map.entry(LONGARCHIVESIZE, "LONGARCHIVESIZE"),
            Map.entry(PAYLOADSIZEALT, "PAYLOADSIZEALT"));

    private Tags() {
    }

    /** The tag as a message names it: "REQUIRENAME (1049)", or just its number when xsbuild has no name for it. */
    public static String describe(int tag) {
        String name = NAMES.get(tag);
        return name == null ? "tag " + tag : name + " (" + tag + ")";
    }
}
