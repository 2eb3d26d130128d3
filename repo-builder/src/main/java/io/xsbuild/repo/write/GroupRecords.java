package io.xsbuild.repo.write;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.Compression;
import io.xsbuild.io.DigestingOutputStream;
import io.xsbuild.repo.repomd.RepomdRecord;

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
