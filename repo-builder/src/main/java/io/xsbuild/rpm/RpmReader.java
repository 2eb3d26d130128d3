package io.xsbuild.rpm;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.rpm.header.Header;
import io.xsbuild.rpm.header.HeaderText;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads RPM packages in one pass over their bytes: the lead, the signature header (padded to 8
 * bytes), the main header, then the payload to the end, while the checksum of the whole file is
 * computed and, when asked, every byte is copied to a second stream (the copy of a package out
 * of an ISO image into a repository, say). The payload is hashed, never parsed.
 * <p>Thread-safe: one reader serves all workers.
 */
public final class RpmReader {

    private final ChecksumType checksumType;
    private final int changelogLimit;
    private final String baseUrl;
    private final Consumer<String> warnings;

    /**
     * @param changelogLimit the newest entries to keep, or -1 for all
     * @param baseUrl        the {@code xml:base} packages are published under, or "" for none
     * @param warnings       told, per file, what is left out of a package's metadata
     */
    public RpmReader(ChecksumType checksumType, int changelogLimit, String baseUrl, Consumer<String> warnings) {
        this.checksumType = Objects.requireNonNull(checksumType, "checksumType");
        if (changelogLimit < -1) {
            throw new IllegalArgumentException("changelogLimit " + changelogLimit);
        }
        this.changelogLimit = changelogLimit;
        this.baseUrl = Objects.requireNonNullElse(baseUrl, "");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Reads the package file at {@code file}, published as {@code href}. */
    public RpmPackage read(Path file, String href) throws BadPackageException, IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, href, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.SECONDS), null);
        }
    }

    /**
     * Reads one package from {@code in}, which must hold exactly {@code size} bytes, and copies
     * them to {@code tee} as they are read (unless it is null). On a {@link BadPackageException}
     * the stream is left partly read and the copy incomplete.
     *
     * @param href  where the package will be, relative to the repository ("Packages/foo.rpm")
     * @param size  the package's length in bytes
     * @param mtime its modification time, seconds since the epoch
     */
    public RpmPackage read(InputStream in, String href, long size, long mtime, OutputStream tee)
            throws BadPackageException, IOException {
        return read(in, href, size, mtime, tee, null);
    }

    /**
     * As {@link #read(InputStream, String, long, long, OutputStream)}, but first asks {@code wanted}
     * (unless it is null) about the package its headers describe, once they are read and before the
     * payload is: when it says no, the rest is left unread, nothing is warned of, and the result is
     * null. {@code tee} has been given the bytes read so far when it is asked.
     */
    public RpmPackage read(InputStream in, String href, long size, long mtime, OutputStream tee,
                           Predicate<RpmPackage> wanted) throws BadPackageException, IOException {
        MessageDigest digest = checksumType.newDigest();
        PackageInput input = new PackageInput(in, size, digest, tee);
        try {
            List<String> warned = new ArrayList<>();
            Headers headers = headers(input, href, wanted == null ? warnings : warned::add);
            if (wanted != null) {
                if (!wanted.test(headers.pkg())) {
                    return null;
                }
                warned.forEach(warnings);
            }
            input.drain();
            String checksum = HexFormat.of().formatHex(digest.digest());
            return headers.pkg().withFile(new FileFacts(checksumType, checksum, size, mtime, headers.start(),
                    headers.end()), new Location(href, baseUrl));
        } catch (RpmFormatException e) {
            throw new BadPackageException(href, e.getMessage(), e);
        }
    }

    /**
     * Reads the package in {@code in} (of {@code size} bytes) as far as the end of its main header,
     * for what the header says before it is decided whether to read the package: the package has
     * no file facts, the rest of the stream is left unread, and nothing is warned of (reading the
     * package will).
     */
    public RpmPackage readHeader(InputStream in, String href, long size) throws BadPackageException, IOException {
        RpmPackage[] header = new RpmPackage[1];
        read(in, href, size, 0, null, p -> {
            header[0] = p;
            return false;
        });
        return header[0];
    }

    /** The package its headers describe, and where its main header lies. */
    private record Headers(RpmPackage pkg, long start, long end) {
    }

    private Headers headers(PackageInput input, String href, Consumer<String> warn) throws RpmFormatException, IOException {
        if (HeaderText.forbiddenCharacter(href) >= 0) {
            throw new RpmFormatException("the file name contains a control character, which XML cannot carry");
        }
        Lead.read(input);
        Header signature = HeaderReader.SIGNATURE.read(input);
        input.read((8 - input.position() % 8) % 8, "the padding after the signature header");
        long headerStart = input.position();
        Header main = HeaderReader.MAIN.read(input);
        long headerEnd = input.position();
        RpmPackage pkg = HeaderConverter.toPackage(main, signature, changelogLimit,
                warning -> warn.accept(href + ": " + warning));
        return new Headers(pkg, headerStart, headerEnd);
    }
}
