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

    private final Map<MetadataType, XmlCursor> cursors = new EnumMap<>(MetadataType.class);

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
            return packages;
        } catch (IOException | RuntimeException e) {
            packages.close();
            throw e;
        }
    }

    /** The next package, or null after the last. */
    public RpmPackage next() throws IOException {
        XmlCursor primary = cursors.get(MetadataType.PRIMARY);
        if (!primary.nextPackage()) {
            return null;
        }
        RpmPackage p = primary(primary);
        List<FileEntry> files = files(cursors.get(MetadataType.FILELISTS), p.pkgid());
        List<Changelog> changelogs = changelogs(cursors.get(MetadataType.OTHER), p.pkgid());
        return new RpmPackage(p.name(), p.arch(), p.epoch(), p.version(), p.release(), p.summary(),
                p.description(), p.packager(), p.url(), p.buildTime(), p.license(), p.vendor(), p.group(),
                p.buildHost(), p.sourceRpm(), p.installedSize(), p.archiveSize(), p.dependencies(), files,
                changelogs, p.file(), p.location());
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
                case "location" -> location = new Location(c.attribute("href"),
                        c.xml.getAttributeValue(XmlCursor.XML_NS, "base"));
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

    private static List<FileEntry> files(XmlCursor c, String pkgid) throws IOException {
        requirePackage(c, pkgid, "filelists");
        List<FileEntry> files = new ArrayList<>();
        for (String element = c.nextInPackage(); element != null; element = c.nextInPackage()) {
            if ("file".equals(element)) {
                FileEntry.Type type = FileEntry.Type.byName(c.attribute("type"));
                files.add(new FileEntry(c.text(), type));
            }
        }
        return files;
    }

    private static List<Changelog> changelogs(XmlCursor c, String pkgid) throws IOException {
        requirePackage(c, pkgid, "other");
        List<Changelog> changelogs = new ArrayList<>();
        for (String element = c.nextInPackage(); element != null; element = c.nextInPackage()) {
            if ("changelog".equals(element)) {
                changelogs.add(new Changelog(c.attribute("author"), c.number("date"), c.text()));
            }
        }
        return changelogs;
    }

    private static void requirePackage(XmlCursor c, String pkgid, String what) throws IOException {
        if (!c.nextPackage()) {
            throw new IOException(what + " metadata lists fewer packages than primary");
        }
        if (!pkgid.equals(c.attribute("pkgid"))) {
            throw new IOException(what + " metadata lists package " + c.attribute("pkgid") + " where primary lists "
                    + pkgid);
        }
    }

    @Override
    public void close() throws IOException {
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
