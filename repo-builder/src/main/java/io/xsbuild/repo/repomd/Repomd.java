package io.xsbuild.repo.repomd;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.repo.xml.XmlInput;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** repomd.xml: the revision and the metadata files of a repository, written as createrepo_c writes it. */
public record Repomd(long revision, List<RepomdRecord> records) {

    public static final String FILE_NAME = "repomd.xml";

    public Repomd {
        records = List.copyOf(records);
    }

    public Optional<RepomdRecord> record(String type) {
        return records.stream().filter(r -> r.type().equals(type)).findFirst();
    }

    public String toXml() {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<repomd xmlns=\"http://linux.duke.edu/metadata/repo\" xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\">\n")
                .append("  <revision>").append(revision).append("</revision>\n");
        for (RepomdRecord r : records) {
            String ct = r.checksumType().repodataName();
            sb.append("  <data type=\"").append(r.type()).append("\">\n")
                    .append("    <checksum type=\"").append(ct).append("\">").append(r.checksum()).append("</checksum>\n")
                    .append("    <open-checksum type=\"").append(ct).append("\">").append(r.openChecksum())
                    .append("</open-checksum>\n")
                    .append("    <location href=\"").append(r.href()).append("\"/>\n")
                    .append("    <timestamp>").append(r.timestamp()).append("</timestamp>\n")
                    .append("    <size>").append(r.size()).append("</size>\n")
                    .append("    <open-size>").append(r.openSize()).append("</open-size>\n")
                    .append("  </data>\n");
        }
        return sb.append("</repomd>\n").toString();
    }

    /** Reads a repomd.xml; records of a checksum type xsbuild does not know are left out. */
    public static Repomd read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (XMLStreamException | RuntimeException e) {
            throw new IOException(file + " is not a readable repomd.xml: " + e.getMessage(), e);
        }
    }

    private static Repomd parse(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = XmlInput.reader(in);
        long revision = 0;
        List<RepomdRecord> records = new ArrayList<>();
        Data data = null;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "revision" -> revision = parseLong(xml.getElementText());
                case "data" -> data = new Data(xml.getAttributeValue(null, "type"));
                case "checksum" -> {
                    if (data != null) {
                        data.checksumType = ChecksumType.byName(xml.getAttributeValue(null, "type"));
                        data.checksum = xml.getElementText().strip();
                    }
                }
                case "open-checksum" -> {
                    if (data != null) {
                        data.openChecksum = xml.getElementText().strip();
                    }
                }
                case "location" -> {
                    if (data != null) {
                        data.href = xml.getAttributeValue(null, "href");
                    }
                }
                case "timestamp" -> {
                    if (data != null) {
                        data.timestamp = parseLong(xml.getElementText());
                    }
                }
                case "size" -> {
                    if (data != null) {
                        data.size = parseLong(xml.getElementText());
                    }
                }
                case "open-size" -> {
                    if (data != null) {
                        data.openSize = parseLong(xml.getElementText());
                        if (data.complete()) {
                            records.add(data.record());
                        }
                        data = null;
                    }
                }
                default -> {
                }
            }
        }
        return new Repomd(revision, records);
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
        String openChecksum = "";
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
    }
}
