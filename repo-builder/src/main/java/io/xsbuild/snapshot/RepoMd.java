package io.xsbuild.snapshot;

import io.xsbuild.io.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records of an ISO's own {@code repodata/repomd.xml}: what each metadata file is, where it
 * lies and its checksums. Read to find the comps ("group") file the ISO ships, so that it can be
 * published again.
 */
public record RepoMd(List<Record> records) {

    public static final String FILE = "repodata/repomd.xml";

    /** Group records in the order they are preferred: uncompressed first, then by how common the compression is. */
    static final List<String> GROUP_TYPES = List.of("group", "group_gz", "group_xz");

    /**
     * One {@code <data>} element.
     *
     * @param href           the location, relative to the repository root (the directory holding repodata/)
     * @param checksumType   "sha256", "sha1", ... of the file as stored
     * @param openChecksum   checksum of the uncompressed content, or null
     */
    public record Record(String type, String href, String checksumType, String checksum, String openChecksumType,
                         String openChecksum) {
    }

    public RepoMd {
        records = List.copyOf(records);
    }

    /** The record of {@code type}, if there is one. */
    public Optional<Record> record(String type) {
        return records.stream().filter(r -> r.type().equals(type)).findFirst();
    }

    /** The comps file: the uncompressed group record if there is one, else a compressed one this reader can open. */
    public Optional<Record> group() {
        for (String type : GROUP_TYPES) {
            Optional<Record> r = record(type);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    public static RepoMd parse(Path iso, byte[] xml) throws IsoMetadataException {
        try {
            XMLStreamReader reader = SafeXml.reader(xml);
            List<Record> records = new ArrayList<>();
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("data")) {
                    records.add(data(iso, reader));
                }
            }
            return new RepoMd(records);
        } catch (XMLStreamException e) {
            throw new IsoMetadataException(iso, FILE, "not well-formed XML: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    private static Record data(Path iso, XMLStreamReader reader) throws XMLStreamException, IsoMetadataException {
        String type = reader.getAttributeValue(null, "type");
        String href = null;
        String checksumType = null;
        String checksum = null;
        String openType = null;
        String open = null;
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "location" -> {
                        href = reader.getAttributeValue(null, "href");
                        depth++;
                    }
                    case "checksum" -> {
                        checksumType = reader.getAttributeValue(null, "type");
                        checksum = SafeXml.text(reader);
                    }
                    case "open-checksum" -> {
                        openType = reader.getAttributeValue(null, "type");
                        open = SafeXml.text(reader);
                    }
                    default -> depth++;
                }
            }
        }
        if (type == null || href == null || checksumType == null || checksum == null) {
            throw new IsoMetadataException(iso, FILE, "a <data> record without type, location, or checksum");
        }
        return new Record(type, href, checksumType, checksum, openType, open);
    }
}
