package io.xsbuild.snapshot;

import io.xsbuild.io.SafeXml;
import io.xsbuild.iso.IsoEntry;
import io.xsbuild.iso.IsoException;
import io.xsbuild.iso.IsoImage;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and reads the repositories of the legacy layout where the installer looked for them
 * (xcp {@code repository.py}): the root, {@code packages}, {@code packages.main},
 * {@code packages.linux}, {@code packages.site}, every other {@code packages.*} directory of the
 * root, and the directories {@code XS-REPOSITORY-LIST} names. A directory is a repository when it
 * holds both {@code XS-REPOSITORY} and {@code XS-PACKAGES}.
 *
 * <p>Both files are XML from XenServer 5.6 on; the older line format (identifier, name, brand,
 * version; "label size md5 type file ...") is read too.
 */
public final class LegacyLayout {

    public static final String REPOSITORY = "XS-REPOSITORY";
    public static final String PACKAGES = "XS-PACKAGES";
    public static final String LIST = "XS-REPOSITORY-LIST";

    static final int MAX_FILE = 16 << 20;
    private static final List<String> KNOWN = List.of("", "packages", "packages.main", "packages.linux", "packages.site");

    private LegacyLayout() {
    }

    /** The legacy repositories of the image, in the order the installer would find them. */
    public static List<LegacyRepository> read(IsoImage iso) throws IsoException, IsoMetadataException {
        Set<String> candidates = new LinkedHashSet<>(KNOWN);
        for (IsoEntry e : iso.list("")) {
            if (e.isDirectory() && e.name().startsWith("packages.")) {
                candidates.add(e.name());
            }
        }
        Optional<byte[]> list = iso.readFile(LIST, MAX_FILE);
        if (list.isPresent()) {
            for (String line : lines(list.get())) {
                candidates.add(safeDirectory(iso.path(), line));
            }
        }
        List<LegacyRepository> repositories = new ArrayList<>();
        for (String dir : candidates) {
            String prefix = dir.isEmpty() ? "" : dir + "/";
            Optional<byte[]> repository = iso.readFile(prefix + REPOSITORY, MAX_FILE);
            Optional<byte[]> packages = iso.readFile(prefix + PACKAGES, MAX_FILE);
            if (repository.isPresent() && packages.isPresent()) {
                repositories.add(repository(iso.path(), dir, repository.get(), packages.get()));
            }
        }
        return repositories;
    }

    static LegacyRepository repository(Path iso, String dir, byte[] repository, byte[] packages) throws IsoMetadataException {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        LegacyRepository described = isXml(repository)
                ? describedXml(iso, prefix + REPOSITORY, dir, repository) : describedLines(iso, prefix + REPOSITORY, dir, repository);
        List<LegacyRepository.Package> listed = isXml(packages)
                ? packagesXml(iso, prefix + PACKAGES, packages) : packagesLines(iso, prefix + PACKAGES, packages);
        return new LegacyRepository(dir, described.originator(), described.name(), described.product(), described.version(),
                described.build(), described.description(), described.requires(), listed);
    }

    private static LegacyRepository describedXml(Path iso, String file, String dir, byte[] xml) throws IsoMetadataException {
        try {
            XMLStreamReader r = SafeXml.reader(xml);
            Map<String, String> repo = null;
            String description = null;
            List<LegacyRepository.Requirement> requires = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "repository" -> repo = attributes(r);
                    case "description" -> description = SafeXml.text(r);
                    case "requires" -> {
                        Map<String, String> a = attributes(r);
                        requires.add(new LegacyRepository.Requirement(a.get("originator"), a.get("name"), a.get("test"),
                                a.get("version"), emptyToNull(a.get("build"))));
                    }
                    default -> {
                    }
                }
            }
            if (repo == null || repo.get("originator") == null || repo.get("name") == null) {
                throw new IsoMetadataException(iso, file, "no <repository> element with originator and name");
            }
            return new LegacyRepository(dir, repo.get("originator"), repo.get("name"), repo.get("product"), repo.get("version"),
                    emptyToNull(repo.get("build")), description, requires, List.of());
        } catch (XMLStreamException e) {
            throw new IsoMetadataException(iso, file, "not well-formed XML: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    /** The format before 5.6: identifier ("xs:main"), name, then optionally brand and version, one a line. */
    private static LegacyRepository describedLines(Path iso, String file, String dir, byte[] text) throws IsoMetadataException {
        List<String> lines = lines(text);
        if (lines.size() < 2) {
            throw new IsoMetadataException(iso, file, "expected an identifier and a name, one a line");
        }
        String identifier = lines.get(0);
        int colon = identifier.indexOf(':');
        String originator = colon < 0 ? identifier : identifier.substring(0, colon);
        String name = colon < 0 ? lines.get(1) : identifier.substring(colon + 1);
        return new LegacyRepository(dir, originator, name, lines.size() >= 4 ? lines.get(2) : null,
                lines.size() >= 4 ? lines.get(3) : null, null, lines.get(1), List.of(), List.of());
    }

    private static List<LegacyRepository.Package> packagesXml(Path iso, String file, byte[] xml) throws IsoMetadataException {
        try {
            XMLStreamReader r = SafeXml.reader(xml);
            List<LegacyRepository.Package> packages = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("package")) {
                    Map<String, String> a = attributes(r);
                    packages.add(pkg(iso, file, a.get("type"), a.get("label"), a.get("size"), a.get("md5"), SafeXml.text(r), a));
                }
            }
            return packages;
        } catch (XMLStreamException e) {
            throw new IsoMetadataException(iso, file, "not well-formed XML: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    /**
     * The format before 5.6, one package a line: "label size md5 type file [root]", and for tbz2
     * "label size md5 tbz2 required file root".
     */
    private static List<LegacyRepository.Package> packagesLines(Path iso, String file, byte[] text) throws IsoMetadataException {
        List<LegacyRepository.Package> packages = new ArrayList<>();
        for (String line : lines(text)) {
            String[] f = line.split("\\s+");
            int at = f.length > 3 && f[3].equals("tbz2") ? 5 : 4;
            if (f.length <= at) {
                throw new IsoMetadataException(iso, file, "expected 'label size md5 type file ...', found '" + line + "'");
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            if (at == 5) {
                attributes.put("required", f[4]);
            }
            if (f.length > at + 1) {
                attributes.put("root", f[at + 1]);
            }
            packages.add(pkg(iso, file, f[3], f[0], f[1], f[2], f[at], attributes));
        }
        return packages;
    }

    private static LegacyRepository.Package pkg(Path iso, String file, String type, String label, String size, String md5,
                                                String fname, Map<String, String> attributes) throws IsoMetadataException {
        if (type == null || label == null || fname == null || fname.isEmpty()) {
            throw new IsoMetadataException(iso, file, "a package without type, label or file name");
        }
        long bytes;
        try {
            bytes = size == null ? -1 : Long.parseLong(size);
        } catch (NumberFormatException e) {
            throw new IsoMetadataException(iso, file, "package " + label + " has the size '" + size + "'");
        }
        return new LegacyRepository.Package(type, label, bytes, md5, safeFile(iso, file, fname), attributes);
    }

    private static Map<String, String> attributes(XMLStreamReader r) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            a.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return a;
    }

    private static String safeDirectory(Path iso, String line) throws IsoMetadataException {
        String dir = line.replaceAll("^/+|/+$", "");
        return safeFile(iso, LIST, dir);
    }

    private static String safeFile(Path iso, String file, String name) throws IsoMetadataException {
        for (String part : name.split("/")) {
            if (part.equals("..") || part.indexOf('\0') >= 0) {
                throw new IsoMetadataException(iso, file, "the path '" + name + "' leads out of the repository");
            }
        }
        return name;
    }

    private static boolean isXml(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '<';
            }
        }
        return false;
    }

    private static List<String> lines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
