package io.xsbuild.io;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * File names as the bytes the kernel holds, whatever locale the JVM started in. Java turns names
 * into strings and back with the locale's charset ({@code sun.jnu.encoding}, which no option
 * overrides): under the C locale every byte above 0x7F reads as U+FFFD and a name with a
 * non-ASCII character cannot be made at all; under a UTF-8 locale a name that is not UTF-8 reads
 * as U+FFFD. A {@code file:} URI carries a path's bytes unchanged, percent-encoded, both ways, so
 * names that are not ASCII go through one.
 */
public final class FileNames {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FileNames() {
    }

    /** The bytes of {@code path}, relative or absolute, as the file system holds them. */
    public static byte[] bytes(Path path) {
        String text = path.toString();
        if (isAscii(text)) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
        if (path.getFileSystem() != FileSystems.getDefault()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        boolean relative = !path.isAbsolute();
        Path absolute = relative ? path.getFileSystem().getPath("/").resolve(path) : path;
        String raw = absolute.toUri().getRawPath();
        int from = relative ? 1 : 0;
        int to = raw.length() > 1 && raw.endsWith("/") ? raw.length() - 1 : raw.length();
        return percentDecode(raw, from, to);
    }

    /**
     * {@code dir} resolved against {@code relative} ('/'-separated), whose characters become UTF-8
     * bytes in the name whatever the locale.
     */
    public static Path resolve(Path dir, String relative) {
        if (isAscii(relative) || dir.getFileSystem() != FileSystems.getDefault()) {
            return dir.resolve(relative);
        }
        Path absolute = Path.of(URI.create("file:///" + percentEncode(relative.getBytes(StandardCharsets.UTF_8))));
        return dir.resolve(absolute.getRoot().relativize(absolute));
    }

    /** Whether a name's bytes are well-formed UTF-8. */
    public static boolean isUtf8(byte[] name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(java.nio.ByteBuffer.wrap(name));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** How messages show a path: its UTF-8 as text, any other byte as {@code \xNN}. */
    public static String display(Path path) {
        String text = path.toString();
        return isAscii(text) ? text : display(bytes(path));
    }

    /** How messages show a name's bytes: UTF-8 as text, any other byte as {@code \xNN}. */
    public static String display(byte[] name) {
        StringBuilder out = new StringBuilder(name.length + 8);
        int i = 0;
        while (i < name.length) {
            int length = utf8Length(name, i);
            if (length > 0) {
                out.append(new String(name, i, length, StandardCharsets.UTF_8));
                i += length;
            } else {
                out.append("\\x").append(HEX[(name[i] >> 4) & 0xf]).append(HEX[name[i] & 0xf]);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Whether a path string has lost bytes on its way from the command line into this JVM: U+FFFD
     * stands for bytes the locale's charset could not decode.
     */
    public static boolean lostBytes(String text) {
        return text.indexOf('\uFFFD') >= 0;
    }

    /**
     * Why a path the user typed cannot be taken as one, or null when it can: bytes the locale could
     * not decode (the JVM has them as U+FFFD, and lost them), or characters it cannot encode.
     */
    public static String unusablePath(String text) {
        if (lostBytes(text)) {
            return utf8Locale()
                    ? "it is not UTF-8 (\uFFFD stands for bytes that cannot be read): give the path through a "
                            + "symbolic link whose name is UTF-8"
                    : "this locale's charset (" + localeCharset() + ") cannot read its bytes above 0x7F: run xsbuild "
                            + "in a UTF-8 locale (LC_ALL=C.UTF-8, which the ./xsbuild launcher sets)";
        }
        try {
            Path.of(text);
            return null;
        } catch (java.nio.file.InvalidPathException e) {
            return "it cannot be a file name here (" + e.getReason() + ")";
        }
    }

    /** Whether this JVM reads and writes file names as UTF-8 (it follows the locale it started in). */
    public static boolean utf8Locale() {
        String jnu = System.getProperty("sun.jnu.encoding");
        try {
            return jnu != null && Charset.forName(jnu).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The charset this JVM reads and writes file names with, as the JVM names it. */
    public static String localeCharset() {
        return System.getProperty("sun.jnu.encoding", "unknown");
    }

    /** The length of the well-formed UTF-8 sequence at {@code at}, or 0 when there is none. */
    private static int utf8Length(byte[] b, int at) {
        int c = b[at] & 0xff;
        if (c < 0x80) {
            return 1;
        }
        int length = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
        if (length == 0 || at + length > b.length) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            if ((b[at + k] & 0xc0) != 0x80) {
                return 0;
            }
        }
        return isUtf8(java.util.Arrays.copyOfRange(b, at, at + length)) ? length : 0;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Every byte but unreserved ASCII and '/' as %XX, so that a URI carries it unchanged. */
    private static String percentEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '/' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static byte[] percentDecode(String raw, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < to) {
                out.write(Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
