package io.xsbuild.repo.repomd;

import io.xsbuild.repo.xml.MalformedXmlException;
import io.xsbuild.repo.xml.XmlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * repomd.xml: the revision, the distribution tags and the metadata files of a repository, written
 * as createrepo_c writes it, and read from a published repository or from an image's bytes.
 *
 * @param distros the {@code <tags><distro>} elements ({@code createrepo_c --distro}), in order
 */
public record Repomd(long revision, List<Distro> distros, List<RepomdRecord> records) {

    public static final String FILE_NAME = "repomd.xml";

    /** Where a repository keeps it, relative to the repository's root. */
    public static final String PATH = "repodata/" + FILE_NAME;

    /**
     * A distribution the repository belongs to.
     *
     * @param cpeid its CPE name ("cpe:/o:xenserver:xenserver:8.4.0"), or null
     * @param name  what people call it ("XenServer 8.4.0")
     */
    public record Distro(String cpeid, String name) {
        public Distro {
            Objects.requireNonNull(name, "name");
        }
    }

    public Repomd {
        distros = List.copyOf(distros);
        records = List.copyOf(records);
    }

    /** A repomd.xml without tags. */
    public Repomd(long revision, List<RepomdRecord> records) {
        this(revision, List.of(), records);
    }

    public Optional<RepomdRecord> record(String type) {
        return records.stream().filter(r -> r.type().equals(type)).findFirst();
    }

    /**
     * This repomd.xml with only the records whose checksum type xsbuild writes: what it can compare
     * with metadata it would publish, and so reuse.
     */
    public Repomd withKnownChecksums() {
        return new Repomd(revision, distros, records.stream().filter(r -> r.knownChecksumType().isPresent()).toList());
    }

    public String toXml() {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<repomd xmlns=\"http://linux.duke.edu/metadata/repo\" xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\">\n")
                .append("  <revision>").append(revision).append("</revision>\n");
        if (!distros.isEmpty()) {
            sb.append("  <tags>\n");
            for (Distro d : distros) {
                sb.append("    <distro");
                if (d.cpeid() != null) {
                    sb.append(" cpeid=\"").append(escape(d.cpeid())).append('"');
                }
                sb.append('>').append(escape(d.name())).append("</distro>\n");
            }
            sb.append("  </tags>\n");
        }
        for (RepomdRecord r : records) {
            sb.append("  <data type=\"").append(r.type()).append("\">\n")
                    .append("    <checksum type=\"").append(r.checksumType()).append("\">").append(r.checksum())
                    .append("</checksum>\n");
            if (r.compressed()) {
                sb.append("    <open-checksum type=\"").append(r.openChecksumType()).append("\">").append(r.openChecksum())
                        .append("</open-checksum>\n");
            }
            sb.append("    <location href=\"").append(r.href()).append("\"/>\n")
                    .append("    <timestamp>").append(r.timestamp()).append("</timestamp>\n")
                    .append("    <size>").append(r.size()).append("</size>\n");
            if (r.compressed()) {
                sb.append("    <open-size>").append(r.openSize()).append("</open-size>\n");
            }
            sb.append("  </data>\n");
        }
        return sb.append("</repomd>\n").toString();
    }

    /**
     * Reads the repomd.xml {@code file}. What it holds that is not usable is a {@link RepomdException};
     * a file that cannot be read, the {@link IOException} that says why.
     */
    public static Repomd read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /**
     * Reads the repomd.xml {@code document}, every record kept, whatever its checksum type.
     *
     * @param file what the document is, for the message of a {@link RepomdException}
     */
    public static Repomd parse(String file, byte[] document) throws RepomdException {
        try (XmlReader xml = new XmlReader(file, document)) {
            return parse(file, xml);
        } catch (MalformedXmlException e) {
            throw new RepomdException(file, "not well-formed XML: " + e.problem(), e);
        } catch (RepomdException e) {
            throw e;
        } catch (IOException e) {
            throw new RepomdException(file, e.getMessage(), e);
        }
    }

    private static Repomd parse(String file, XmlReader xml) throws IOException {
        long revision = 0;
        List<Distro> distros = new ArrayList<>();
        List<RepomdRecord> records = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        boolean rootClosed = false;
        Data data = null;
        for (XmlReader.Event e = xml.next(); e != XmlReader.Event.END_DOCUMENT; e = xml.next()) {
            if (e == XmlReader.Event.END) {
                if (!xml.name().equals(open.pop())) {
                    throw xml.broken("</" + xml.name() + "> closes another element");
                }
                rootClosed = open.isEmpty();
                if ("data".equals(xml.localName()) && data != null) {
                    records.add(data.record(file));
                    data = null;
                }
                continue;
            }
            if (e != XmlReader.Event.START) {
                continue;
            }
            if (rootClosed) {
                throw xml.broken("a second document element, <" + xml.name() + ">");
            }
            open.push(xml.name());
            String element = xml.localName();
            if ("revision".equals(element)) {
                revision = parseLong(elementText(xml, open));
            } else if ("distro".equals(element) && data == null) {
                String cpeid = xml.attribute("cpeid");
                distros.add(new Distro(cpeid, elementText(xml, open).strip()));
            } else if ("data".equals(element)) {
                data = new Data(xml.attribute("type"));
            } else if (data != null) {
                data.read(element, xml, open);
            }
        }
        return new Repomd(revision, distros, records);
    }

    /** The text of the element just opened, read up to its end tag, which closes it. */
    private static String elementText(XmlReader xml, Deque<String> open) throws IOException {
        String text = xml.elementText();
        if (!xml.name().equals(open.pop())) {
            throw xml.broken("</" + xml.name() + "> closes another element");
        }
        return text;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A {@code <data>} element being read. */
    private static final class Data {
        final String type;
        String checksumType;
        String checksum;
        String openChecksumType;
        String openChecksum;
        String href;
        long timestamp;
        long size;
        long openSize;

        Data(String type) {
            this.type = type;
        }

        RepomdRecord record(String file) throws RepomdException {
            if (type == null || href == null || checksumType == null || checksum == null) {
                throw new RepomdException(file, "a <data> record without type, location, or checksum", null);
            }
            return new RepomdRecord(type, checksumType, checksum, openChecksumType, openChecksum, href, timestamp, size,
                    openSize);
        }

        void read(String element, XmlReader xml, Deque<String> open) throws IOException {
            switch (element) {
                case "checksum" -> {
                    checksumType = xml.attribute("type");
                    checksum = elementText(xml, open).strip();
                }
                case "open-checksum" -> {
                    openChecksumType = xml.attribute("type");
                    openChecksum = elementText(xml, open).strip();
                }
                case "location" -> href = xml.attribute("href");
                case "timestamp" -> timestamp = parseLong(elementText(xml, open));
                case "size" -> size = parseLong(elementText(xml, open));
                case "open-size" -> openSize = parseLong(elementText(xml, open));
                default -> {
                }
            }
        }
    }
}
