package io.xsbuild.snapshot;

import io.xsbuild.iso.IsoEntry;
import io.xsbuild.iso.IsoException;
import io.xsbuild.iso.IsoImage;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.write.GroupRecords;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The comps file an ISO's repodata names, read and checked against the checksums repomd.xml gives,
 * decompressed if it is only shipped compressed: ready to be published as the new repository's
 * {@code group} and {@code group_gz}.
 *
 * @param source the path of the file inside the image
 * @param xml    the uncompressed comps XML
 */
public record GroupFile(String source, byte[] xml) {

    static final int MAX_STORED = 64 << 20;
    static final int MAX_XML = 256 << 20;

    /** Group records in the order they are preferred: uncompressed first, then by how common the compression is. */
    static final List<String> TYPES = List.of("group", "group_gz", "group_xz");

    /** The record of the comps file: the uncompressed group record if there is one, else a compressed one this reader opens. */
    public static Optional<RepomdRecord> record(Repomd repomd) {
        for (String type : TYPES) {
            Optional<RepomdRecord> r = repomd.record(type);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /** The comps file of the image whose repomd.xml is {@code repomd}, if it names one. */
    public static Optional<GroupFile> read(IsoImage iso, Repomd repomd) throws IsoException, IsoMetadataException {
        Optional<RepomdRecord> group = record(repomd);
        return group.isEmpty() ? Optional.empty() : Optional.of(read(iso, group.get()));
    }

    /** The comps file {@code record} (a group, group_gz or group_xz record of the image's repomd.xml) names. */
    public static GroupFile read(IsoImage iso, RepomdRecord record) throws IsoException, IsoMetadataException {
        String path = safeHref(iso, record.href());
        IsoEntry entry = iso.find(path).filter(IsoEntry::isFile)
                .orElseThrow(() -> new IsoMetadataException(iso.path(), Repomd.PATH, "the " + record.type() + " record names "
                        + record.href() + ", which the image does not hold"));
        byte[] stored = iso.readAllBytes(entry, MAX_STORED);
        verify(iso, path, stored, record.checksumType(), record.checksum());
        byte[] xml = record.type().equals("group") ? stored : decompress(iso, path, record.type(), stored);
        if (record.openChecksum() != null && !record.type().equals("group")) {
            verify(iso, path, xml, record.openChecksumType(), record.openChecksum());
        }
        String notComps = GroupRecords.notComps(xml);
        if (notComps != null) {
            throw new IsoMetadataException(iso.path(), path, "the " + record.type() + " record names a file that is not "
                    + "comps XML: " + notComps);
        }
        return new GroupFile(path, xml);
    }

    /** The href as a path inside the image: relative, "." parts dropped, never climbing. */
    private static String safeHref(IsoImage iso, String href) throws IsoMetadataException {
        if (href.startsWith("/") || href.contains("://")) {
            throw new IsoMetadataException(iso.path(), Repomd.PATH, "the location " + href + " is not inside the image");
        }
        List<String> parts = new ArrayList<>();
        for (String part : href.split("/")) {
            if (part.equals("..")) {
                throw new IsoMetadataException(iso.path(), Repomd.PATH, "the location " + href + " leads out of the repository");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static void verify(IsoImage iso, String path, byte[] bytes, String type, String expected) throws IsoMetadataException {
        String algorithm = switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "sha", "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "md5" -> "MD5";
            default -> throw new IsoMetadataException(iso.path(), Repomd.PATH, "unknown checksum type '" + type + "' for " + path);
        };
        String actual;
        try {
            actual = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IsoMetadataException(iso.path(), path, type + " is " + actual + " but repomd.xml says " + expected);
        }
    }

    private static byte[] decompress(IsoImage iso, String path, String type, byte[] stored) throws IsoMetadataException {
        try (InputStream in = type.equals("group_gz") ? new GZIPInputStream(new ByteArrayInputStream(stored))
                : new XZInputStream(new ByteArrayInputStream(stored))) {
            byte[] xml = in.readNBytes(MAX_XML + 1);
            if (xml.length > MAX_XML) {
                throw new IsoMetadataException(iso.path(), path, "decompresses to more than " + MAX_XML + " bytes");
            }
            return xml;
        } catch (IOException e) {
            throw new IsoMetadataException(iso.path(), path, "cannot be decompressed: " + e.getMessage(), e);
        }
    }
}
