package io.xsbuild.repo.repomd;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.repo.xml.XmlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * repomd.xml: the revision, the distribution tags and the metadata files of a repository, written
 * as createrepo_c writes it.
 *
 * @param distros the {@code <tags><distro>} elements ({@code createrepo_c --distro}), in order
 */
public record Repomd(long revision, List<Distro> distros, List<RepomdRecord> records) {

    public static final String FILE_NAME = "repomd.xml";

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
            String ct = r.checksumType().repodataName();
            sb.append("  <data type=\"").append(r.type()).append("\">\n")
                    .append("    <checksum type=\"").append(ct).append("\">").append(r.checksum()).append("</checksum>\n");
            if (r.compressed()) {
                sb.append("    <open-checksum type=\"").append(ct).append("\">").append(r.openChecksum())
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

    /** Reads a repomd.xml; records of a checksum type xsbuild does not know are left out. */
    public static Repomd read(Path file) throws IOException {
        try (XmlReader xml = new XmlReader(file.toString(), Files.newInputStream(file))) {
            return parse(xml);
        }
    }

    private static Repomd parse(XmlReader xml) throws IOException {
        long revision = 0;
        List<Distro> distros = new ArrayList<>();
        List<RepomdRecord> records = new ArrayList<>();
        Data data = null;
        for (XmlReader.Event e = xml.next(); e != XmlReader.Event.END_DOCUMENT; e = xml.next()) {
            if (e == XmlReader.Event.END && "data".equals(xml.localName())) {
                if (data != null && data.complete()) {
                    records.add(data.record());
                }
                data = null;
            }
            if (e != XmlReader.Event.START) {
                continue;
            }
            String element = xml.localName();
            if ("revision".equals(element)) {
                revision = parseLong(xml.elementText());
            } else if ("distro".equals(element) && data == null) {
                String cpeid = xml.attribute("cpeid");
                distros.add(new Distro(cpeid, xml.elementText().strip()));
            } else if ("data".equals(element)) {
                data = new Data(xml.attribute("type"));
            } else if (data != null) {
                data.read(element, xml);
            }
        }
        return new Repomd(revision, distros, records);
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
        ChecksumType checksumType;
        String checksum;
        String openChecksum;
        String href;
        long timestamp;
        long size;
        long openSize;

        Data(String type) {
            this.type = type;
        }

        boolean complete() {
            return type != null && checksumType != null && checksum != null && href != null;
        }

        RepomdRecord record() {
            return new RepomdRecord(type, checksumType, checksum, openChecksum, href, timestamp, size, openSize);
        }

        void read(String element, XmlReader xml) throws IOException {
            switch (element) {
                case "checksum" -> {
                    checksumType = ChecksumType.byName(xml.attribute("type"));
                    checksum = xml.elementText().strip();
                }
                case "open-checksum" -> openChecksum = xml.elementText().strip();
                case "location" -> href = xml.attribute("href");
                case "timestamp" -> timestamp = parseLong(xml.elementText());
                case "size" -> size = parseLong(xml.elementText());
                case "open-size" -> openSize = parseLong(xml.elementText());
                default -> {
                }
            }
        }
    }
}
