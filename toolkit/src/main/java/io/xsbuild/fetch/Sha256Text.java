package io.xsbuild.fetch;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SHA-256 as users and servers spell it: the hex a caller expects and {@code .sha256} files. */
final class Sha256Text {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern GNU = Pattern.compile("([0-9a-fA-F]{64})(?:\\s+\\*?(.+))?");
    private static final Pattern BSD = Pattern.compile("SHA256 \\((.+)\\) = ([0-9a-fA-F]{64})");

    private Sha256Text() {
    }

    /** The expected SHA-256 a caller gives, in lower case, or a usage error saying what it should look like. */
    static String parseOption(String value) throws UsageException {
        String trimmed = value.strip();
        if (!HEX.matcher(trimmed).matches()) {
            throw new UsageException(Phrase.of(IsoSources.Field.SHA256, " ", value, " is not a SHA-256"),
                    Phrase.of("give 64 hexadecimal digits, as sha256sum prints them"));
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /**
     * The digest a checksum file gives for {@code fileName}: {@code sha256sum}'s "HEX  name" or
     * "HEX *name" lines, or BSD "SHA256 (name) = HEX". A file with a single digest gives it whatever
     * name it carries.
     */
    static Optional<String> fromChecksumFile(String text, String fileName) {
        String only = null;
        int found = 0;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            Matcher gnu = GNU.matcher(l);
            Matcher bsd = BSD.matcher(l);
            String hex;
            String name;
            if (gnu.matches()) {
                hex = gnu.group(1);
                name = gnu.group(2);
            } else if (bsd.matches()) {
                hex = bsd.group(2);
                name = bsd.group(1);
            } else {
                continue;
            }
            if (name != null && Path.of(name.strip()).getFileName().toString().equals(fileName)) {
                return Optional.of(hex.toLowerCase(Locale.ROOT));
            }
            only = hex;
            found++;
        }
        return found == 1 ? Optional.of(only.toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
