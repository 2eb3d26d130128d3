package io.xsbuild.image;


import io.xsbuild.io.ChecksumType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of everything an image is made from. Each input is named and length-prefixed, so that
 * no two different sets of inputs feed the digest the same bytes.
 */
final class InputDigest {

    private final MessageDigest digest = ChecksumType.SHA256.newDigest();

    InputDigest add(String name, String value) {
        field(name);
        field(value == null ? "" : value);
        return this;
    }

    InputDigest add(String name, List<String> values) {
        field(name);
        field(Integer.toString(values.size()));
        values.forEach(this::field);
        return this;
    }

    private void field(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    /** The digest as hex; the object is spent afterwards. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
