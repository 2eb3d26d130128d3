package io.xsbuild.repo.xml;

/**
 * Appends XML the way libxml2's xmlNodeDump formats createrepo_c's nodes: two spaces per level,
 * text elements on one line, empty elements closed with "/>". Text escapes &amp;, &lt;, &gt; and
 * carriage returns; attribute values also quotes, tabs, line feeds and every non-ASCII character
 * (as character references), so the result parses back to exactly the same strings.
 */
final class XmlOut {

    private final StringBuilder out;

    XmlOut(StringBuilder out) {
        this.out = out;
    }

    /** {@code <name} at {@code depth}, to be followed by attributes and {@link #end()} or {@link #open()}. */
    XmlOut start(int depth, String name) {
        indent(depth);
        out.append('<').append(name);
        return this;
    }

    XmlOut attribute(String name, String value) {
        out.append(' ').append(name).append("=\"");
        escapeAttribute(value);
        out.append('"');
        return this;
    }

    XmlOut attribute(String name, long value) {
        out.append(' ').append(name).append("=\"").append(value).append('"');
        return this;
    }

    /** Closes a start tag whose element has children. */
    XmlOut open() {
        out.append(">\n");
        return this;
    }

    /** Closes a start tag whose element is empty. */
    XmlOut end() {
        out.append("/>\n");
        return this;
    }

    /** Closes a start tag and writes the element's text and end tag. */
    XmlOut text(String name, String text) {
        out.append('>');
        escapeText(text);
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** A complete element with text only. */
    XmlOut element(int depth, String name, String text) {
        return start(depth, name).text(name, text);
    }

    XmlOut close(int depth, String name) {
        indent(depth);
        out.append("</").append(name).append(">\n");
        return this;
    }

    private void indent(int depth) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void escapeText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    private void escapeAttribute(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (c < 0x80) {
                        out.append(c);
                    } else {
                        int codePoint = s.codePointAt(i);
                        out.append("&#x").append(Integer.toHexString(codePoint).toUpperCase(java.util.Locale.ROOT))
                                .append(';');
                        i += Character.charCount(codePoint) - 1;
                    }
                }
            }
        }
    }
}
