package io.xsbuild.repo.xml;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.rpm.Changelog;
import io.xsbuild.rpm.Dependencies;
import io.xsbuild.rpm.Dependency;
import io.xsbuild.rpm.FileEntry;
import io.xsbuild.rpm.FileFacts;
import io.xsbuild.rpm.Location;
import io.xsbuild.rpm.RpmPackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packages of published repodata, read back one at a time, in the order the metadata lists
 * them, from primary, filelists and other read side by side: what {@code --update} reuses
 * instead of reading package files again. Each package comes as its three entries exactly as
 * they were published, with the few facts that decide whether it can be reused (read from the
 * start of its primary entry); the whole record is parsed only when asked for. Only a few
 * packages are held at a time. Metadata not laid out as xsbuild and createrepo_c write it (a
 * declaration and the document element on a line each, then each package element from the
 * start of a line to its end tag and line feed) is an {@link IOException}.
 */
public final class PublishedPackages implements AutoCloseable {

    private static final int READ_AHEAD = 64;

    /**
     * A package as published.
     *
     * @param facts      its checksum, size and time (the header range is read with the whole package, by {@link #parse})
     * @param changelogs the number of changelog entries other.xml gives it
     * @param entries    its primary, filelists and other entries, byte for byte
     */
    public record Published(String name, FileFacts facts, Location location, int changelogs, MetadataEntries entries) {

        public String pkgid() {
            return facts.checksum();
        }

        /** The whole package, parsed from its entries. */
        public RpmPackage parse() throws IOException {
            return PublishedPackages.parse(entries);
        }
    }

    /** The whole package published with {@code entries}, parsed from them. */
    public static RpmPackage parse(MetadataEntries entries) throws IOException {
        RpmPackage p = primary(cursor("primary", entries.primary()), false);
        List<FileEntry> files = files(cursor("filelists", entries.filelists()));
        List<Changelog> log = PublishedPackages.changelogs(cursor("other", entries.other()));
        return new RpmPackage(p.name(), p.arch(), p.epoch(), p.version(), p.release(), p.summary(),
                p.description(), p.packager(), p.url(), p.buildTime(), p.license(), p.vendor(), p.group(),
                p.buildHost(), p.sourceRpm(), p.installedSize(), p.archiveSize(), p.dependencies(), files,
                log, p.file(), p.location());
    }

    private final List<Entries> files = new ArrayList<>();
    private final long packages;
    private ReadAhead<Published> primary;
    private ReadAhead<byte[]> filelists;
    private ReadAhead<byte[]> other;

    private PublishedPackages(long packages) {
        this.packages = packages;
    }

    /** Opens the metadata {@code repodata/repomd.xml} under {@code repoDir} names. */
    public static PublishedPackages open(Path repoDir) throws IOException {
        Repomd repomd = Repomd.read(repoDir.resolve(Repomd.PATH)).withKnownChecksums();
        List<Entries> opened = new ArrayList<>();
        try {
            for (MetadataType type : MetadataType.values()) {
                RepomdRecord record = repomd.record(type.repodataName()).orElseThrow(
                        () -> new IOException("repodata/repomd.xml lists no " + type.repodataName() + " metadata"));
                Compression compression = Compression.ofFile(record.href());
                if (compression == null) {
                    throw new IOException(record.href() + " is compressed in a way xsbuild does not read");
                }
                Path file = repoDir.resolve(record.href());
                if (!record.describes(repoDir)) {
                    throw new IOException(record.href() + " does not have the " + record.checksumType()
                            + " checksum repodata/repomd.xml gives it");
                }
                opened.add(new Entries(type, record.href(), compression.decompress(Files.newInputStream(file))));
            }
            long count = opened.get(0).packages();
            for (Entries e : opened) {
                if (e.packages() != count) {
                    throw new IOException(e.file + " declares " + e.packages() + " packages where "
                            + opened.get(0).file + " declares " + count);
                }
            }
            PublishedPackages packages = new PublishedPackages(count);
            packages.files.addAll(opened);
            packages.start();
            return packages;
        } catch (IOException | RuntimeException e) {
            for (Entries entries : opened) {
                try {
                    entries.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** The number of packages the metadata declares. */
    public long declared() {
        return packages;
    }

    /** Each file is split on a thread of its own, a few packages ahead of the caller. */
    private void start() {
        Entries p = files.get(0);
        Entries f = files.get(1);
        Entries o = files.get(2);
        primary = new ReadAhead<>("xsbuild-primary-reader", () -> {
            byte[] entry = p.next();
            return entry == null ? null : published(entry);
        }, READ_AHEAD);
        filelists = new ReadAhead<>("xsbuild-filelists-reader", f::next, READ_AHEAD);
        other = new ReadAhead<>("xsbuild-other-reader", o::next, READ_AHEAD);
    }

    /** The next package, or null after the last. */
    public Published next() throws IOException {
        Published p = primary.next();
        if (p == null) {
            if (filelists.next() != null || other.next() != null) {
                throw new IOException("filelists or other metadata lists more packages than primary");
            }
            return null;
        }
        byte[] files = part(filelists.next(), p.pkgid(), "filelists");
        byte[] log = part(other.next(), p.pkgid(), "other");
        int changelogs = count(log, CHANGELOG);
        FileFacts facts = p.facts();
        PackageStamp stamp = new PackageStamp(p.location().href(), PackageStamp.key(p.location().href(), facts.size(),
                facts.mtime(), facts.checksumType()), changelogs, p.location().base());
        return new Published(p.name(), facts, p.location(), changelogs, new MetadataEntries(
                p.entries().primary(), files, log, stamp));
    }

    static final byte[] CHANGELOG = "<changelog ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PKGID = " pkgid=\"".getBytes(StandardCharsets.US_ASCII);

    private static byte[] part(byte[] entry, String pkgid, String what) throws IOException {
        if (entry == null) {
            throw new IOException(what + " metadata lists fewer packages than primary");
        }
        String listed = pkgid(entry);
        if (!pkgid.equals(listed)) {
            throw new IOException(what + " metadata lists package " + listed + " where primary lists " + pkgid);
        }
        return entry;
    }

    /** The pkgid attribute of a filelists or other entry's start tag. */
    private static String pkgid(byte[] entry) {
        int end = indexOf(entry, (byte) '>', 0);
        int at = indexOf(entry, PKGID, 0, end < 0 ? entry.length : end);
        if (at < 0) {
            return "";
        }
        int from = at + PKGID.length;
        int quote = indexOf(entry, (byte) '"', from);
        return quote < 0 ? "" : new String(entry, from, quote - from, StandardCharsets.UTF_8);
    }

    static int count(byte[] entry, byte[] what) {
        int n = 0;
        for (int at = indexOf(entry, what, 0, entry.length); at >= 0; at = indexOf(entry, what, at + 1, entry.length)) {
            n++;
        }
        return n;
    }

    private static int indexOf(byte[] in, byte b, int from) {
        for (int i = from; i < in.length; i++) {
            if (in[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(byte[] in, byte[] what, int from, int to) {
        outer:
        for (int i = from; i <= to - what.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (in[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static final byte[] CHECKSUM_TYPE = "<checksum type=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIME_FILE = "<time file=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIZE_PACKAGE = "<size package=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOCATION = "<location ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XML_BASE = "xml:base=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HREF = "href=\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * The stamp of a package published with these entries, read from their start (primary's up to
     * its location). Entries as xsbuild writes them are scanned for the four attributes it needs
     * (text cannot hold a "<", so the tags are found by their bytes); anything else, or a value
     * with a reference in it, is parsed.
     */
    public static PackageStamp stamp(byte[] primary, byte[] other) throws IOException {
        String type = attribute(primary, CHECKSUM_TYPE, 0, primary.length);
        String mtime = attribute(primary, TIME_FILE, 0, primary.length);
        String size = attribute(primary, SIZE_PACKAGE, 0, primary.length);
        int location = indexOf(primary, LOCATION, 0, primary.length);
        int locationEnd = location < 0 ? -1 : indexOf(primary, (byte) '>', location);
        String href = locationEnd < 0 ? null : attribute(primary, HREF, location, locationEnd);
        String base = locationEnd < 0 ? null : attribute(primary, XML_BASE, location, locationEnd);
        ChecksumType checksumType = type == null ? null : ChecksumType.byName(type);
        if (checksumType != null && mtime != null && size != null && href != null && !href.contains("&")
                && (base == null || !base.contains("&")) && digits(mtime) && digits(size)) {
            return PackageStamp.of(href, PackageStamp.key(href, Long.parseLong(size), Long.parseLong(mtime),
                    checksumType), base, other);
        }
        Published p = published(primary);
        FileFacts f = p.facts();
        return PackageStamp.of(p.location().href(), PackageStamp.key(p.location().href(), f.size(), f.mtime(),
                f.checksumType()), p.location().base(), other);
    }

    /** The value of the attribute whose name and opening quote {@code start} is, first found in [from, to); null when none. */
    private static String attribute(byte[] entry, byte[] start, int from, int to) {
        int at = indexOf(entry, start, from, to);
        if (at < 0) {
            return null;
        }
        int value = at + start.length;
        int quote = indexOf(entry, (byte) '"', value);
        return quote < 0 || quote > to ? null : new String(entry, value, quote - value, StandardCharsets.UTF_8);
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A primary entry with the facts read from its start, up to its location. */
    private static Published published(byte[] entry) throws IOException {
        RpmPackage p = primary(cursor("primary", entry), true);
        return new Published(p.name(), p.file(), p.location(), 0, new MetadataEntries(entry, null, null, null));
    }

    /** A cursor on one entry, as the only package of a document. */
    private static XmlCursor cursor(String what, byte[] entry) throws IOException {
        byte[] document = new byte[entry.length + 7];
        System.arraycopy("<x>".getBytes(StandardCharsets.US_ASCII), 0, document, 0, 3);
        System.arraycopy(entry, 0, document, 3, entry.length);
        System.arraycopy("</x>".getBytes(StandardCharsets.US_ASCII), 0, document, 3 + entry.length, 4);
        XmlCursor c = new XmlCursor(what + " metadata", document);
        if (!c.nextPackage()) {
            throw new IOException(what + " metadata has an entry that is not a package element");
        }
        return c;
    }

    /**
     * The package a primary entry describes, without its files and changelog; with {@code facts},
     * read only as far as its location (the start of the entry), and its dependencies left out.
     */
    private static RpmPackage primary(XmlCursor c, boolean facts) throws IOException {
        Map<String, String> text = new HashMap<>();
        Map<String, List<Dependency>> deps = new HashMap<>();
        String epoch = "";
        String version = "";
        String release = "";
        ChecksumType checksumType = null;
        long mtime = 0;
        long buildTime = 0;
        long size = 0;
        long installed = 0;
        long archive = 0;
        long headerStart = 0;
        long headerEnd = 0;
        Location location = null;
        String list = null;
        for (String element = c.nextInPackage(); element != null; element = c.nextInPackage()) {
            switch (element) {
                case "version" -> {
                    epoch = c.attribute("epoch");
                    version = c.attribute("ver");
                    release = c.attribute("rel");
                }
                case "checksum" -> {
                    checksumType = ChecksumType.byName(c.attribute("type"));
                    text.put(element, c.text());
                }
                case "time" -> {
                    mtime = c.number("file");
                    buildTime = c.number("build");
                }
                case "size" -> {
                    size = c.number("package");
                    installed = c.number("installed");
                    archive = c.number("archive");
                }
                case "location" -> location = new Location(c.attribute("href"), c.attribute("xml:base"));
                case "header-range" -> {
                    headerStart = c.number("start");
                    headerEnd = c.number("end");
                }
                case "provides", "requires", "conflicts", "obsoletes", "suggests", "enhances", "recommends",
                        "supplements" -> {
                    list = element;
                    deps.put(list, new ArrayList<>());
                }
                case "entry" -> {
                    if (list != null) {
                        deps.get(list).add(new Dependency(c.attribute("name"), c.attribute("flags"),
                                c.attribute("epoch"), c.attribute("ver"), c.attribute("rel"),
                                "1".equals(c.attribute("pre"))));
                    }
                }
                case "format", "file" -> {
                    // the file list comes from filelists.xml, complete
                }
                default -> text.put(element, c.text());
            }
            if (facts && location != null) {
                break;
            }
        }
        if (checksumType == null || location == null || !text.containsKey("name")) {
            throw new IOException("primary metadata has a package without a name, a known checksum type or a location");
        }
        Dependencies dependencies = new Dependencies(deps.getOrDefault("provides", List.of()),
                deps.getOrDefault("requires", List.of()), deps.getOrDefault("conflicts", List.of()),
                deps.getOrDefault("obsoletes", List.of()), deps.getOrDefault("suggests", List.of()),
                deps.getOrDefault("enhances", List.of()), deps.getOrDefault("recommends", List.of()),
                deps.getOrDefault("supplements", List.of()));
        FileFacts fileFacts = new FileFacts(checksumType, text.get("checksum"), size, mtime, headerStart, headerEnd);
        return new RpmPackage(text.get("name"), text.getOrDefault("arch", ""), epoch, version, release,
                text.get("summary"), text.get("description"), text.get("packager"), text.get("url"), buildTime,
                text.get("license"), text.get("vendor"), text.get("group"), text.get("buildhost"),
                text.get("sourcerpm"), installed, archive, dependencies, List.of(), List.of(), fileFacts, location);
    }

    private static List<FileEntry> files(XmlCursor c) throws IOException {
        List<FileEntry> files = new ArrayList<>();
        for (String element = c.nextInPackage(); element != null; element = c.nextInPackage()) {
            if ("file".equals(element)) {
                FileEntry.Type type = FileEntry.Type.byName(c.attribute("type"));
                files.add(new FileEntry(c.text(), type));
            }
        }
        return files;
    }

    private static List<Changelog> changelogs(XmlCursor c) throws IOException {
        List<Changelog> changelogs = new ArrayList<>();
        for (String element = c.nextInPackage(); element != null; element = c.nextInPackage()) {
            if ("changelog".equals(element)) {
                changelogs.add(new Changelog(c.attribute("author"), c.number("date"), c.text()));
            }
        }
        return changelogs;
    }

    @Override
    public void close() throws IOException {
        for (ReadAhead<?> r : new ReadAhead<?>[] {primary, filelists, other}) {
            if (r != null) {
                r.close();
            }
        }
        IOException first = null;
        for (Entries e : files) {
            try {
                e.close();
            } catch (IOException ex) {
                first = first == null ? ex : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * One metadata file split into its package entries, byte for byte: after the declaration and
     * the document element's start tag (as {@link MetadataType#header} writes them), each entry runs
     * from {@code <package } at the start of a line to {@code </package>} and its line feed; the
     * end tag of the document follows the last.
     */
    private static final class Entries implements AutoCloseable {
        private static final byte[] START = "<package ".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] END = "</package>\n".getBytes(StandardCharsets.US_ASCII);

        private final MetadataType type;
        private final String file;
        private final InputStream in;
        private final long packages;
        private byte[] buf = new byte[256 * 1024];
        private int pos;
        private int limit;
        private boolean eof;
        private boolean ended;

        Entries(MetadataType type, String file, InputStream in) throws IOException {
            this.type = type;
            this.file = file;
            this.in = in;
            this.packages = header();
        }

        long packages() {
            return packages;
        }

        /** Reads the two header lines and gives the package count the document element declares. */
        private long header() throws IOException {
            String declaration = line();
            String root = line();
            String prefix = type.header(0);
            prefix = prefix.substring(0, prefix.lastIndexOf("packages=\"") + "packages=\"".length());
            String both = declaration + "\n" + root + "\n";
            if (!both.startsWith(prefix) || !root.endsWith("\">")) {
                throw notLaidOut("its first lines are not " + type.header(0).replace("\n", "\\n").replace("0\"", "N\""));
            }
            try {
                long n = Long.parseLong(both.substring(prefix.length(), both.length() - 3));
                if (!type.header(n).equals(both)) {
                    throw notLaidOut("its first lines are not as xsbuild writes them");
                }
                return n;
            } catch (NumberFormatException e) {
                throw notLaidOut("its document element declares no package count");
            }
        }

        /** The next entry, or null after the last (the document's end tag then checked). */
        byte[] next() throws IOException {
            if (ended) {
                return null;
            }
            fill(START.length);
            if (!startsWith(START)) {
                String footer = type.footer();
                fill(footer.length() + 2);
                String rest = new String(buf, pos, limit - pos, StandardCharsets.UTF_8);
                if (eof && (rest.equals(footer) || rest.equals(footer + "\n"))) {
                    ended = true;
                    return null;
                }
                throw notLaidOut("a package element does not start a line where one was expected");
            }
            int from = pos;
            int searched = from;
            while (true) {
                int at = indexOf(buf, END, searched, limit);
                if (at >= 0) {
                    byte[] entry = Arrays.copyOfRange(buf, from, at + END.length);
                    pos = at + END.length;
                    return entry;
                }
                searched = Math.max(from, limit - END.length + 1);
                if (eof) {
                    throw notLaidOut("a package element has no end tag at the start of a line");
                }
                compact(from);
                searched -= from;
                from = 0;
                read();
            }
        }

        private String line() throws IOException {
            while (true) {
                int nl = indexOf(buf, (byte) '\n', pos);
                if (nl >= 0 && nl < limit) {
                    String line = new String(buf, pos, nl - pos, StandardCharsets.UTF_8);
                    pos = nl + 1;
                    return line;
                }
                if (eof || limit - pos > 64 * 1024) {
                    throw notLaidOut("its first lines are not as xsbuild writes them");
                }
                compact(pos);
                read();
            }
        }

        private boolean startsWith(byte[] prefix) {
            if (limit - pos < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (buf[pos + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** Makes at least {@code n} bytes available from {@code pos}, unless the file ends first. */
        private void fill(int n) throws IOException {
            while (limit - pos < n && !eof) {
                compact(pos);
                read();
            }
        }

        private void compact(int from) {
            System.arraycopy(buf, from, buf, 0, limit - from);
            limit -= from;
            pos -= from;
        }

        private void read() throws IOException {
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }

        private IOException notLaidOut(String problem) {
            return new IOException(file + " is not laid out as xsbuild writes metadata: " + problem);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
