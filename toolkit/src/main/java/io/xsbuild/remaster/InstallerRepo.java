package io.xsbuild.remaster;

import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.iso.IsoEntry;
import io.xsbuild.iso.IsoException;
import io.xsbuild.iso.IsoImage;
import io.xsbuild.repo.BadPackagesException;
import io.xsbuild.repo.PackageOrder;
import io.xsbuild.repo.PackagePipeline;
import io.xsbuild.repo.RepodataTarget;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.write.RepodataWriter;
import io.xsbuild.rpm.BadPackageException;
import io.xsbuild.rpm.Dependency;
import io.xsbuild.rpm.FileEntry;
import io.xsbuild.rpm.RpmPackage;
import io.xsbuild.rpm.RpmReader;
import io.xsbuild.snapshot.GroupFile;
import io.xsbuild.snapshot.IsoContent;
import io.xsbuild.snapshot.IsoMetadataException;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The installer's own repository, the image's root with {@code .treeinfo} and
 * {@code repodata/} (host-installer's MainYumRepository), with packages added: each added package
 * replaces the image's packages of the same name and architecture, or joins them in
 * {@code Packages/}, and the repodata is published again with repo-builder (primary, filelists,
 * other, the image's comps group; sha256 and gzip, the only checksum and compression the
 * installer reads). A package that neither a group the installer installs
 * ({@code xenserver_base}, {@code xenserver_dom0}) nor a dependency of one pulls in is named in a
 * warning: it would be on the image and never installed.
 */
final class InstallerRepo {

    /** The groups host-installer's MainYumRepository installs. */
    static final List<String> INSTALLER_GROUPS = List.of("xenserver_base", "xenserver_dom0");
    static final String PACKAGES = "Packages";
    private static final String REPODATA = "repodata";

    /**
     * What adding packages comes to.
     *
     * @param add       image path to host file: the added packages and the new repodata
     * @param remove    image paths to leave out: the replaced packages and the old repodata
     * @param added     the added packages' hrefs
     * @param replaced  the image packages they replace
     * @param packages  packages the new repodata lists
     * @param warnings  packages nothing installs, metadata not carried over
     */
    record Plan(Map<String, Path> add, Set<String> remove, List<String> added, List<String> replaced, long packages,
                List<String> warnings) {
        Plan {
            add = Map.copyOf(add);
            remove = Set.copyOf(remove);
            added = List.copyOf(added);
            replaced = List.copyOf(replaced);
            warnings = List.copyOf(warnings);
        }
    }

    private final IsoImage image;
    private final List<IsoEntry> entries;
    private final Events events;

    InstallerRepo(IsoImage image, List<IsoEntry> entries, Events events) {
        this.image = image;
        this.entries = entries;
        this.events = events;
    }

    /** Refuses an image without a repository to add packages to, before anything is done. */
    void check() throws XsbuildException {
        if (image.find(Repomd.PATH).filter(IsoEntry::isFile).isEmpty()) {
            throw new UsageException(image.path() + " has no " + Repomd.PATH + ", so no repository to add packages to",
                    "give an installer ISO (its root holds .treeinfo, Packages/ and repodata/)");
        }
    }

    /** Adds the packages of {@code rpmsDir} (recursively) and publishes the repodata under {@code staging}. */
    Plan add(Path rpmsDir, Path staging, int workers) throws XsbuildException {
        check();
        List<Path> files = hostPackages(rpmsDir);
        if (files.isEmpty()) {
            throw new UsageException("No binary package (*.rpm, not *.src.rpm) under " + rpmsDir, "give the directory the "
                    + "packages were built into (xsbuild-out/RPMS)");
        }
        RpmReader reader = new RpmReader(ChecksumType.SHA256, -1, "", events::warn);
        Map<String, Path> add = new LinkedHashMap<>();
        Map<String, RpmPackage> addedByKey = new LinkedHashMap<>();
        Map<String, Path> addedFiles = new HashMap<>();
        List<BadPackageException> bad = new ArrayList<>();
        for (Path f : files) {
            String href = PACKAGES + "/" + f.getFileName();
            try (InputStream in = Files.newInputStream(f)) {
                RpmPackage p = reader.readHeader(in, href, Files.size(f));
                Path known = addedFiles.put(p.name() + "." + p.arch(), f);
                addedByKey.put(p.name() + "." + p.arch(), p);
                if (known != null) {
                    throw new UsageException(rpmsDir + " holds two packages of " + p.name() + "." + p.arch() + " ("
                            + known.getFileName() + " and " + f.getFileName() + ")", "keep the one to install");
                }
                if (add.put(href, f) != null) {
                    throw new UsageException(rpmsDir + " holds two files named " + f.getFileName(), "keep one");
                }
            } catch (BadPackageException e) {
                bad.add(e);
            } catch (IOException e) {
                throw new FailedException("Cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        if (!bad.isEmpty()) {
            throw new BadPackagesException(rpmsDir, bad);
        }
        List<IsoEntry> imagePackages = entries.stream()
                .filter(e -> e.isFile() && e.name().endsWith(".rpm") && !e.name().endsWith(".src.rpm")
                        && !e.path().startsWith(REPODATA + "/"))
                .toList();
        Map<String, RpmPackage> headers = new ConcurrentHashMap<>();
        Set<String> remove = new HashSet<>();
        List<String> replaced = new ArrayList<>();
        List<IsoEntry> kept = new ArrayList<>();
        for (IsoEntry e : imagePackages) {
            RpmPackage h = header(reader, e);
            if (addedByKey.containsKey(h.name() + "." + h.arch()) || add.containsKey(e.path())) {
                remove.add(e.path());
                replaced.add(e.path());
            } else {
                kept.add(e);
            }
        }
        List<String> hrefs = new ArrayList<>();
        kept.forEach(e -> hrefs.add(e.path()));
        hrefs.addAll(add.keySet());
        hrefs.sort(PackageOrder.HREFS);
        Map<String, IsoEntry> keptByPath = new HashMap<>();
        kept.forEach(e -> keptByPath.put(e.path(), e));
        Path repo = staging.resolve("repo");
        List<String> warnings = new ArrayList<>();
        byte[] comps = groupFile(warnings);
        try (RepodataTarget target = RepodataTarget.open(repo, false, Events.NONE)) {
            List<RepomdRecord> records;
            PackagePipeline.Totals totals;
            try (RepodataWriter writer = target.writer(Compression.GZ, ChecksumType.SHA256, hrefs.size())) {
                totals = new PackagePipeline(workers, events).run(hrefs, href -> () -> {
                    IsoEntry e = keptByPath.get(href);
                    RpmPackage p;
                    if (e != null) {
                        try (InputStream in = image.open(e)) {
                            p = reader.read(in, href, e.size(), e.modified().getEpochSecond(), null);
                        }
                    } else {
                        p = reader.read(add.get(href), href);
                    }
                    headers.put(href, p);
                    return PackagePipeline.Fetched.read(p);
                }, writer, true);
                if (!totals.bad().isEmpty()) {
                    throw new BadPackagesException(image.path(), totals.bad());
                }
                records = new ArrayList<>(writer.finish());
            }
            if (comps != null) {
                records.addAll(target.groupFile(comps, Compression.GZ, ChecksumType.SHA256));
            }
            target.publish(records, 0);
        } catch (IOException e) {
            throw new FailedException("Cannot publish the installer's repodata in " + repo + ": " + e.getMessage(), e);
        }
        Map<String, Path> all = new LinkedHashMap<>(add);
        try (Stream<Path> published = Files.list(repo.resolve(REPODATA))) {
            for (Path p : published.sorted().toList()) {
                all.put(REPODATA + "/" + p.getFileName(), p);
            }
        } catch (IOException e) {
            throw new FailedException("Cannot list " + repo.resolve(REPODATA) + ": " + e.getMessage(), e);
        }
        entries.stream().filter(e -> e.path().startsWith(REPODATA + "/") && !e.isDirectory()).forEach(e -> remove.add(e.path()));
        warnings.addAll(unreachable(comps, headers, add.keySet()));
        return new Plan(all, remove, List.copyOf(add.keySet()), replaced, hrefs.size(), warnings);
    }

    private RpmPackage header(RpmReader reader, IsoEntry e) throws XsbuildException {
        try (InputStream in = image.open(e)) {
            return reader.readHeader(in, e.path(), e.size());
        } catch (BadPackageException b) {
            throw new BadPackagesException(image.path(), List.of(b));
        } catch (IOException io) {
            throw new FailedException("Cannot read " + image.path() + ":" + e.path() + ": " + io.getMessage(), io);
        }
    }

    /** The image's comps file, read and checked as the snapshot importer reads it; other metadata is named in a warning. */
    private byte[] groupFile(List<String> warnings) throws IsoException, IsoMetadataException {
        Repomd parsed = IsoContent.readRepomd(image).orElseThrow();
        Set<String> known = Set.of("primary", "filelists", "other", "group", "group_gz", "group_xz", "primary_db",
                "filelists_db", "other_db");
        List<String> dropped = parsed.records().stream().map(RepomdRecord::type).filter(t -> !known.contains(t)).toList();
        if (!dropped.isEmpty()) {
            warnings.add(image.path() + ": the repodata's " + String.join(", ", dropped) + " metadata is not published again");
        }
        Optional<GroupFile> group = GroupFile.read(image, parsed);
        if (group.isEmpty()) {
            warnings.add(image.path() + " has no comps group in its repodata: the installer installs the groups "
                    + String.join(" and ", INSTALLER_GROUPS) + ", so it installs nothing from this repository");
            return null;
        }
        return group.get().xml();
    }

    /** The added packages that no group the installer installs, nor what those need, pulls in. */
    private List<String> unreachable(byte[] comps, Map<String, RpmPackage> packages, Set<String> added) throws XsbuildException {
        List<String> roots = new ArrayList<>();
        String groupsNamed = String.join(", ", INSTALLER_GROUPS);
        if (comps != null) {
            Comps parsed;
            try {
                parsed = Comps.parse(comps);
            } catch (XMLStreamException e) {
                throw new FailedException(image.path() + ": its comps group is not well-formed XML: " + e.getMessage(), e);
            }
            List<String> groups = INSTALLER_GROUPS.stream().filter(parsed.groups()::containsKey).toList();
            if (groups.isEmpty()) {
                groups = List.copyOf(parsed.groups().keySet());
            }
            groupsNamed = groups.isEmpty() ? "none in its comps" : String.join(", ", groups);
            groups.forEach(g -> roots.addAll(parsed.groups().get(g)));
        }
        Map<String, List<RpmPackage>> providers = new HashMap<>();
        for (RpmPackage p : packages.values()) {
            providers.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
            for (Dependency d : p.dependencies().provides()) {
                providers.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(p);
            }
            for (FileEntry f : p.files()) {
                providers.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(p);
            }
        }
        Set<RpmPackage> reached = new HashSet<>();
        Deque<RpmPackage> todo = new ArrayDeque<>();
        for (String name : roots) {
            providers.getOrDefault(name, List.of()).forEach(todo::add);
        }
        while (!todo.isEmpty()) {
            RpmPackage p = todo.pop();
            if (reached.add(p)) {
                for (Dependency d : p.dependencies().requires()) {
                    providers.getOrDefault(d.name(), List.of()).forEach(todo::add);
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        for (String href : added) {
            RpmPackage p = packages.get(href);
            if (p != null && !reached.contains(p)) {
                warnings.add(href + " (" + p.name() + "): no group the installer installs (" + groupsNamed
                        + ") and no dependency of one pulls it in, so it will be on the image but not installed");
            }
        }
        return warnings;
    }

    static List<Path> hostPackages(Path dir) throws XsbuildException {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(Phrase.of(dir, " is not a directory"),
                    Phrase.of("give the directory of packages to add (", RemasterRequest.Field.ADD_RPMS, ")"));
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".rpm"))
                    .filter(p -> !p.getFileName().toString().endsWith(".src.rpm")).sorted().toList();
        } catch (IOException e) {
            throw new FailedException("Cannot read " + dir + ": " + e.getMessage(), e);
        }
    }
}
