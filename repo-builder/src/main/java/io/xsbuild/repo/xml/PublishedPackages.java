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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The packages of published repodata, read back one at a time, in the order the metadata lists
 * them, from primary, filelists and other read side by side: what {@code --update} reuses
 * instead of reading package files again. Only one package is held at a time.
 */
public final class PublishedPackages implements AutoCloseable {

    private static final int READ_AHEAD = 64;

    /** One package's part of filelists.xml or other.xml. */
    private record Part<T>(String pkgid, List<T> items) {
    }

    private final Map<MetadataType, XmlCursor> cursors = new EnumMap<>(MetadataType.class);
    private ReadAhead<RpmPackage> primary;
    private ReadAhead<Part<FileEntry>> filelists;
    private ReadAhead<Part<Changelog>> other;

    private PublishedPackages() {
    }

    /** Opens the metadata {@code repodata/repomd.xml} under {@code repoDir} names. */
    public static PublishedPackages open(Path repoDir) throws IOException {
        Repomd repomd = Repomd.read(repoDir.resolve("repodata").resolve(Repomd.FILE_NAME));
        PublishedPackages packages = new PublishedPackages();
        try {
            for (MetadataType type : MetadataType.values()) {
                RepomdRecord record = repomd.record(type.repodataName()).orElseThrow(
                        () -> new IOException("repodata/repomd.xml lists no " + type.repodataName() + " metadata"));
                Compression compression = Compression.ofFile(record.href());
                if (compression == null) {
                    throw new IOException(record.href() + " is compressed in a way xsbuild does not read");
                }
                Path file = repoDir.resolve(record.href());
                packages.cursors.put(type, new XmlCursor(record.href(),
                        compression.decompress(Files.newInputStream(file))));
            }
            packages.start();
            return packages;
        } catch (IOException | RuntimeException e) {
            packages.close();
            throw e;
        }
    }

    /** Each file is parsed on a thread of its own, a few packages ahead of the caller. */
    private void start() {
        XmlCursor p = cursors.get(MetadataType.PRIMARY);
        XmlCursor f = cursors.get(MetadataType.FILELISTS);
        XmlCursor o = cursors.get(MetadataType.OTHER);
        primary = new ReadAhead<>("xsbuild-primary-reader", () -> p.nextPackage() ? primary(p) : null, READ_AHEAD);
        filelists = new ReadAhead<>("xsbuild-filelists-reader", () -> f.nextPackage() ? files(f) : null, READ_AHEAD);
        other = new ReadAhead<>("xsbuild-other-reader", () -> o.nextPackage() ? changelogs(o) : null, READ_AHEAD);
    }

    /** The next package, or null after the last. */
    public RpmPackage next() throws IOException {
        RpmPackage p = primary.next();
        if (p == null) {
            return null;
        }
        List<FileEntry> files = part(filelists.next(), p.pkgid(), "filelists");
        List<Changelog> changelogs = part(other.next(), p.pkgid(), "other");
        return new RpmPackage(p.name(), p.arch(), p.epoch(), p.version(), p.release(), p.summary(),
                p.description(), p.packager(), p.url(), p.buildTime(), p.license(), p.vendor(), p.group(),
                p.buildHost(), p.sourceRpm(), p.installedSize(), p.archiveSize(), p.dependencies(), files,
                changelogs, p.file(), p.location());
    }

    private static <T> List<T> part(Part<T> part, String pkgid, String what) throws IOException {
        if (part == null) {
            throw new IOException(what + " metadata lists fewer packages than primary");
        }
        if (!pkgid.equals(part.pkgid())) {
            throw new IOException(what + " metadata lists package " + part.pkgid() + " where primary lists " + pkgid);
        }
        return part.items();
    }

    private static RpmPackage primary(XmlCursor c) throws IOException {
        Map<String, String> text = new java.util.HashMap<>();
        Map<String, List<Dependency>> deps = new java.util.HashMap<>();
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
        }
        if (checksumType == null || location == null || !text.containsKey("name")) {
            throw new IOException("primary metadata has a package without a name, a known checksum type or a location");
        }
        Dependencies dependencies = new Dependencies(deps.getOrDefault("provides", List.of()),
                deps.getOrDefault("requires", List.of()), deps.getOrDefault("conflicts", List.of()),
                deps.getOrDefault("obsoletes", List.of()), deps.getOrDefault("suggests", List.of()),
                deps.getOrDefault("enhances", List.of()), deps.getOrDefault("recommends", List.of()),
                deps.getOrDefault("supplements", List.of()));
        FileFacts facts = new FileFacts(checksumType, text.get("checksum"), size, mtime, headerStart, headerEnd);
        return new RpmPackage(text.get("name"), text.getOrDefault("arch", ""), epoch, version, release,
                text.get("summary"), text.get("description"), text.get("packager"), text.get("url"), buildTime,
                text.get("license"), text.get("vendor"), text.get("group"), text.get("buildhost"),
                text.get("sourcerpm"), installed, archive, dependencies, List.of(), List.of(), facts, location);
    }

    private static Part<FileEntry> files(XmlCursor c) throws IOException {
        String pkgid = c.attribute("pkgid");
        List<FileEntry> files = new ArrayList<>();
        for (String element = c.nextInPackage(); element != null; element = c.nextInPackage()) {
            if ("file".equals(element)) {
                FileEntry.Type type = FileEntry.Type.byName(c.attribute("type"));
                files.add(new FileEntry(c.text(), type));
            }
        }
        return new Part<>(pkgid, files);
    }

    private static Part<Changelog> changelogs(XmlCursor c) throws IOException {
        String pkgid = c.attribute("pkgid");
        List<Changelog> changelogs = new ArrayList<>();
        for (String element = c.nextInPackage(); element != null; element = c.nextInPackage()) {
            if ("changelog".equals(element)) {
                changelogs.add(new Changelog(c.attribute("author"), c.number("date"), c.text()));
            }
        }
        return new Part<>(pkgid, changelogs);
    }

    @Override
    public void close() throws IOException {
        for (ReadAhead<?> r : new ReadAhead<?>[] {primary, filelists, other}) {
            if (r != null) {
                r.close();
            }
        }
        IOException first = null;
        for (XmlCursor c : cursors.values()) {
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
