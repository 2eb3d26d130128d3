package io.xsbuild.repo.xml;

import java.util.Arrays;

/**
 * Writes XML, as UTF-8, the way libxml2's xmlNodeDump formats createrepo_c's nodes: two spaces per
 * level, text elements on one line, empty elements closed with "/>". Text escapes &amp;, &lt;, &gt;
 * and carriage returns; attribute values also quotes, tabs, line feeds and every non-ASCII
 * character (as character references), so the result parses back to exactly the same strings.
 * One per thread, reused from entry to entry.
 */
final class XmlOut {

    private static final ThreadLocal<XmlOut> PER_THREAD = ThreadLocal.withInitial(XmlOut::new);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf = new byte[16 * 1024];
    private int length;

    private XmlOut() {
    }

    /** This thread's writer, emptied. */
    static XmlOut reset() {
        XmlOut out = PER_THREAD.get();
        out.length = 0;
        return out;
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, length);
    }

    /** {@code <name} at {@code depth}, to be followed by attributes and {@link #end()} or {@link #open()}. */
    XmlOut start(int depth, String name) {
        indent(depth);
        put('<');
        ascii(name);
        return this;
    }

    XmlOut attribute(String name, String value) {
        put(' ');
        ascii(name);
        put('=');
        put('"');
        escape(value, true);
        put('"');
        return this;
    }

    XmlOut attribute(String name, long value) {
        put(' ');
        ascii(name);
        put('=');
        put('"');
        number(value);
        put('"');
        return this;
    }

    /** Closes a start tag whose element has children. */
    XmlOut open() {
        put('>');
        put('\n');
        return this;
    }

    /** Closes a start tag whose element is empty. */
    XmlOut end() {
        put('/');
        put('>');
        put('\n');
        return this;
    }

    /** Closes a start tag and writes the element's text and end tag. */
    XmlOut text(String name, String text) {
        put('>');
        escape(text, false);
        put('<');
        put('/');
        ascii(name);
        put('>');
        put('\n');
        return this;
    }

    /** A complete element with text only. */
    XmlOut element(int depth, String name, String text) {
        return start(depth, name).text(name, text);
    }

    XmlOut close(int depth, String name) {
        indent(depth);
        put('<');
        put('/');
        ascii(name);
        put('>');
        put('\n');
        return this;
    }

    private void indent(int depth) {
        for (int i = 0; i < depth; i++) {
            put(' ');
            put(' ');
        }
    }

    private void escape(String s, boolean attribute) {
        ensure(s.length() * 3);
        int plain = plainPrefix(s);
        for (int i = 0; i < plain; i++) {
            buf[length++] = (byte) s.charAt(i);
        }
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '<' -> ascii("&lt;");
                    case '>' -> ascii("&gt;");
                    case '&' -> ascii("&amp;");
                    case '\r' -> ascii("&#13;");
                    case '"' -> ascii(attribute ? "&quot;" : "\"");
                    case '\n' -> ascii(attribute ? "&#10;" : "\n");
                    case '\t' -> ascii(attribute ? "&#9;" : "\t");
                    default -> buf[length++] = (byte) c;
                }
                continue;
            }
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                codePoint = '?';
            }
            if (attribute) {
                characterReference(codePoint);
            } else {
                utf8(codePoint);
            }
        }
    }

    /** How many leading characters are ASCII that needs no escaping anywhere. */
    private static int plainPrefix(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= 0x80 || c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"') {
                break;
            }
            i++;
        }
        return i;
    }

    private void characterReference(int codePoint) {
        ascii("&#x");
        int digits = Math.max(1, (35 - Integer.numberOfLeadingZeros(codePoint)) / 4);
        ensure(digits + 1);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            buf[length++] = HEX[(codePoint >>> shift) & 0xf];
        }
        buf[length++] = ';';
    }

    private void utf8(int codePoint) {
        ensure(4);
        if (codePoint < 0x800) {
            buf[length++] = (byte) (0xc0 | codePoint >> 6);
        } else if (codePoint < 0x10000) {
            buf[length++] = (byte) (0xe0 | codePoint >> 12);
            buf[length++] = (byte) (0x80 | (codePoint >> 6 & 0x3f));
        } else {
            buf[length++] = (byte) (0xf0 | codePoint >> 18);
            buf[length++] = (byte) (0x80 | (codePoint >> 12 & 0x3f));
            buf[length++] = (byte) (0x80 | (codePoint >> 6 & 0x3f));
        }
        buf[length++] = (byte) (0x80 | (codePoint & 0x3f));
    }

    private void number(long value) {
        if (value == 0) {
            put('0');
            return;
        }
        ascii(Long.toString(value));
    }

    /** Appends text known to be ASCII with nothing to escape: element and attribute names, entities. */
    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[length++] = (byte) s.charAt(i);
        }
    }

    private void put(char c) {
        ensure(1);
        buf[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }
}
