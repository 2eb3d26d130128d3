package io.xsbuild.repo.write;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.io.DigestingOutputStream;
import io.xsbuild.io.SafeXml;
import io.xsbuild.repo.repomd.RepomdRecord;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A repository's comps file published as {@code createrepo_c --groupfile} publishes it: the XML as
 * given, named after its checksum ({@code <sum>-comps.xml}, record {@code group}, which has no open
 * checksum or size), and compressed ({@code <sum>-comps.xml.gz}, record {@code group_gz} — or
 * {@code group_xz}, {@code group_zst} — whose open checksum is the plain file's). yum and dnf read
 * either to install groups.
 */
public final class GroupRecords {

    static final String FILE_NAME = "comps.xml";

    private GroupRecords() {
    }

    /**
     * Why {@code comps} is not a comps file yum and dnf can read, or null when it is: it must be
     * well-formed XML whose root element is {@code <comps>}.
     */
    public static String notComps(byte[] comps) {
        try {
            XMLStreamReader reader = SafeXml.reader(comps);
            try {
                String root = null;
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT && root == null) {
                        root = reader.getLocalName();
                        if (!root.equals("comps")) {
                            return "its root element is <" + root + ">, not <comps>";
                        }
                    }
                }
                return root == null ? "it holds no element (a comps file is <comps>...</comps>)" : null;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ").strip();
            int message = why.indexOf("Message: ");
            why = message >= 0 ? why.substring(message + 9) : why;
            why = why.endsWith(".") ? why.substring(0, why.length() - 1) : why;
            return e.getLocation() == null ? why : "line " + e.getLocation().getLineNumber() + ": " + why;
        }
    }

    /** Writes both files into {@code repodataDir} and returns their records, plain first. */
    public static List<RepomdRecord> write(Path repodataDir, byte[] comps, Compression compression,
                                           ChecksumType checksumType) throws IOException {
        String plainSum = HexFormat.of().formatHex(checksumType.newDigest().digest(comps));
        Path plain = repodataDir.resolve(plainSum + "-" + FILE_NAME);
        Files.write(plain, comps);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream(comps.length / 4 + 64);
        DigestingOutputStream compressed = new DigestingOutputStream(bytes, checksumType.newDigest());
        try (OutputStream out = compression.compress(compressed)) {
            out.write(comps);
        }
        String packedSum = compressed.hex();
        Path packed = repodataDir.resolve(packedSum + "-" + FILE_NAME + compression.suffix());
        Files.write(packed, bytes.toByteArray());

        return List.of(
                new RepomdRecord("group", checksumType, plainSum, null, href(plain), mtime(plain), comps.length, 0),
                new RepomdRecord("group_" + compression.suffix().substring(1), checksumType, packedSum, plainSum,
                        href(packed), mtime(packed), compressed.count(), comps.length));
    }

    private static String href(Path file) {
        return "repodata/" + file.getFileName();
    }

    private static long mtime(Path file) throws IOException {
        return Files.getLastModifiedTime(file).to(TimeUnit.SECONDS);
    }
}
