package io.xsbuild.repo.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small pull parser for repodata documents: UTF-8, elements, attributes in either quote, text,
 * the five predefined entities and character references, CDATA sections, comments and processing
 * instructions. A document type declaration, another encoding or anything malformed is an
 * {@link MalformedXmlException}, and the caller reads packages afresh instead of reusing their metadata.
 * Repodata is megabytes of this one shape: a general-purpose parser costs more to load, start and
 * compile than it spends parsing it.
 */
public final class XmlReader implements AutoCloseable {

    /** What {@link #next()} found. */
    public enum Event { START, END, TEXT, END_DOCUMENT }

    private static final int BUFFER = 64 * 1024;

    private final String file;
    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;

    private String name;
    private int depth;
    private boolean selfClosing;
    private boolean pendingEnd;
    private String[] attributeNames = new String[8];
    private String[] attributeValues = new String[8];
    private int attributes;
    private String text;
    private final Bytes scratch = new Bytes();
    private final NameCache names = new NameCache();

    public XmlReader(String file, InputStream in) {
        this.file = file;
        this.in = in;
        this.buf = new byte[BUFFER];
    }

    /** Reads the document {@code document}, which is left as it is. */
    public XmlReader(String file, byte[] document) {
        this.file = file;
        this.in = null;
        this.buf = document;
        this.limit = document.length;
    }

    /** The current element's qualified name ("rpm:entry"), after START or END. */
    public String name() {
        return name;
    }

    /** The current element's name without its prefix ("entry"). */
    public String localName() {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** Elements open around the current position; the document element is depth 1. */
    public int depth() {
        return depth;
    }

    /** The value of the current start tag's attribute {@code qualifiedName}, or null. */
    public String attribute(String qualifiedName) {
        for (int i = 0; i < attributes; i++) {
            if (attributeNames[i].equals(qualifiedName)) {
                return attributeValues[i];
            }
        }
        return null;
    }

    /** The text of the current TEXT event. */
    public String text() {
        return text;
    }

    /** Reads up to the next start tag, end tag, run of text or the end of the document. */
    public Event next() throws IOException {
        if (pendingEnd) {
            pendingEnd = false;
            depth--;
            return Event.END;
        }
        while (true) {
            int b = peek();
            if (b < 0) {
                if (depth > 0) {
                    throw broken("the document ends inside <" + name + ">");
                }
                return Event.END_DOCUMENT;
            }
            if (b != '<') {
                text = characters();
                if (depth > 0) {
                    return Event.TEXT;
                }
                if (!text.isBlank()) {
                    throw broken("text outside the document element");
                }
                continue;
            }
            pos++;
            int c = require();
            if (c == '?') {
                declaration();
            } else if (c == '!') {
                if (startsWith("!--")) {
                    skipPast("-->");
                } else if (startsWith("![CDATA[")) {
                    pos += 8;
                    text = cdata();
                    return Event.TEXT;
                } else {
                    throw broken("declarations such as <!DOCTYPE are not read in repodata");
                }
            } else if (c == '/') {
                pos++;
                name = readName();
                skipSpace();
                expect('>');
                depth--;
                return Event.END;
            } else {
                startTag();
                depth++;
                if (selfClosing) {
                    pendingEnd = true;
                }
                return Event.START;
            }
        }
    }

    /** The text inside the element whose start tag was just read, up to and including its end tag. */
    public String elementText() throws IOException {
        int at = depth;
        StringBuilder all = null;
        String only = "";
        while (true) {
            Event e = next();
            if (e == Event.TEXT) {
                if (only.isEmpty()) {
                    only = text;
                } else {
                    all = all == null ? new StringBuilder(only) : all;
                    all.append(text);
                }
            } else if (e == Event.END && depth == at - 1) {
                return all == null ? only : all.toString();
            } else {
                throw broken("<" + name + "> inside an element that should hold text only");
            }
        }
    }

    public MalformedXmlException broken(String problem) {
        return new MalformedXmlException(file, problem);
    }

    private void startTag() throws IOException {
        name = readName();
        attributes = 0;
        while (true) {
            boolean spaced = skipSpace();
            int c = require();
            if (c == '>') {
                pos++;
                selfClosing = false;
                return;
            }
            if (c == '/') {
                pos++;
                expect('>');
                selfClosing = true;
                return;
            }
            if (!spaced) {
                throw broken("no space before an attribute of <" + name + ">");
            }
            String attribute = readName();
            skipSpace();
            expect('=');
            skipSpace();
            int quote = require();
            if (quote != '"' && quote != '\'') {
                throw broken("an unquoted attribute value in <" + name + ">");
            }
            pos++;
            String value = value(quote);
            if (attributes == attributeNames.length) {
                attributeNames = Arrays.copyOf(attributeNames, attributes * 2);
                attributeValues = Arrays.copyOf(attributeValues, attributes * 2);
            }
            attributeNames[attributes] = attribute;
            attributeValues[attributes++] = value;
        }
    }

    private String readName() throws IOException {
        int end = pos;
        while (end < limit && isNameByte(buf[end])) {
            end++;
        }
        if (end < limit && end > pos) {
            String cached = names.get(buf, pos, end);
            pos = end;
            return cached;
        }
        scratch.clear();
        while (true) {
            int c = peek();
            if (c < 0 || c == '>' || c == '/' || c == '=' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                break;
            }
            scratch.add((byte) c);
            pos++;
        }
        if (scratch.length == 0) {
            throw broken("a tag without a name");
        }
        return scratch.string();
    }

    private static boolean isNameByte(byte c) {
        return c != '>' && c != '/' && c != '=' && c != ' ' && c != '\t' && c != '\n' && c != '\r';
    }

    /** An attribute value up to its closing quote, entities resolved and whitespace normalised. */
    private String value(int quote) throws IOException {
        int end = plainRun(pos, quote);
        if (end < limit && buf[end] == quote) {
            String value = string(pos, end);
            pos = end + 1;
            return value;
        }
        scratch.clear();
        while (true) {
            int c = require();
            pos++;
            if (c == quote) {
                return scratch.string();
            } else if (c == '&') {
                reference();
            } else if (c == '<') {
                throw broken("'<' in an attribute value");
            } else if (c == '\t' || c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    pos++;
                }
                scratch.add((byte) ' ');
            } else {
                scratch.add((byte) c);
            }
        }
    }

    /** Character data up to the next '<', entities resolved and line ends normalised. */
    private String characters() throws IOException {
        int end = plainRun(pos, '<');
        if (end < limit && buf[end] == '<') {
            String value = string(pos, end);
            pos = end;
            return value;
        }
        scratch.clear();
        while (true) {
            int c = peek();
            if (c < 0 || c == '<') {
                return scratch.string();
            }
            pos++;
            if (c == '&') {
                reference();
            } else if (c == '\r') {
                if (peek() == '\n') {
                    pos++;
                }
                scratch.add((byte) '\n');
            } else {
                scratch.add((byte) c);
            }
        }
    }

    /** Where a run of bytes that need no resolving, from {@code from} in the buffer, stops. */
    private int plainRun(int from, int terminator) {
        int i = from;
        while (i < limit) {
            byte c = buf[i];
            if (c == terminator || c == '&' || c == '<' || c == '\r' || c == '\t' || c == '\n' && terminator != '<') {
                break;
            }
            i++;
        }
        return i;
    }

    private String string(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                return new String(buf, from, to - from, StandardCharsets.UTF_8);
            }
        }
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private String cdata() throws IOException {
        scratch.clear();
        while (!startsWith("]]>")) {
            scratch.add((byte) require());
            pos++;
        }
        pos += 3;
        return scratch.string();
    }

    /** An entity or character reference after its '&', appended as UTF-8. */
    private void reference() throws IOException {
        int start = scratch.length;
        while (true) {
            int c = require();
            pos++;
            if (c == ';') {
                break;
            }
            if (scratch.length - start > 10) {
                throw broken("an entity reference that does not end");
            }
            scratch.add((byte) c);
        }
        String ref = new String(scratch.bytes, start, scratch.length - start, StandardCharsets.US_ASCII);
        scratch.length = start;
        int codePoint = switch (ref) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> characterReference(ref);
        };
        scratch.addUtf8(codePoint);
    }

    private int characterReference(String ref) throws IOException {
        if (!ref.startsWith("#")) {
            throw broken("the entity &" + ref + "; (repodata uses only XML's own)");
        }
        int codePoint;
        try {
            codePoint = ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
        } catch (NumberFormatException e) {
            codePoint = -1;
        }
        boolean allowed = codePoint == 0x9 || codePoint == 0xa || codePoint == 0xd
                || codePoint >= 0x20 && codePoint <= 0xd7ff || codePoint >= 0xe000 && codePoint <= 0xfffd
                || codePoint >= 0x10000 && codePoint <= 0x10ffff;
        if (!allowed) {
            throw broken("the character reference &" + ref + ";");
        }
        return codePoint;
    }

    /** Skips a processing instruction; the XML declaration must not name an encoding other than UTF-8. */
    private void declaration() throws IOException {
        scratch.clear();
        while (!startsWith("?>")) {
            scratch.add((byte) require());
            pos++;
        }
        pos += 2;
        String instruction = scratch.string().toLowerCase(java.util.Locale.ROOT);
        if (instruction.startsWith("?xml") && instruction.contains("encoding")
                && !instruction.matches("(?s).*encoding\\s*=\\s*[\"']utf-8[\"'].*")) {
            throw broken("an encoding other than UTF-8");
        }
    }

    private boolean skipSpace() throws IOException {
        boolean skipped = false;
        while (true) {
            int c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return skipped;
            }
            pos++;
            skipped = true;
        }
    }

    private void skipPast(String end) throws IOException {
        while (!startsWith(end)) {
            require();
            pos++;
        }
        pos += end.length();
    }

    private boolean startsWith(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            if (peek(i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void expect(char c) throws IOException {
        if (require() != c) {
            throw broken("expected '" + c + "' in <" + name + ">");
        }
        pos++;
    }

    private int require() throws IOException {
        int c = peek();
        if (c < 0) {
            throw broken("the document ends in the middle of a tag or reference");
        }
        return c;
    }

    private int peek() throws IOException {
        return peek(0);
    }

    /** The byte {@code ahead} places on, or -1 at the end of the input. */
    private int peek(int ahead) throws IOException {
        if (pos + ahead >= limit && in == null) {
            return -1;
        }
        if (pos + ahead >= limit) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            while (ahead >= limit) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    return -1;
                }
                limit += n;
            }
        }
        return buf[pos + ahead] & 0xff;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }

    /** Element and attribute names seen before, so that each is one String however often it appears. */
    private static final class NameCache {
        private final byte[][] keys = new byte[256][];
        private final String[] values = new String[256];

        String get(byte[] b, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            int slot = (h ^ h >>> 8) & 0xff;
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(key, 0, key.length, b, from, to)) {
                return values[slot];
            }
            String name = new String(b, from, to - from, StandardCharsets.UTF_8);
            keys[slot] = Arrays.copyOfRange(b, from, to);
            values[slot] = name;
            return name;
        }
    }

    /** A reusable byte accumulator, decoded as UTF-8. */
    private static final class Bytes {
        byte[] bytes = new byte[256];
        int length;

        void clear() {
            length = 0;
        }

        void add(byte b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, length * 2);
            }
            bytes[length++] = b;
        }

        void addUtf8(int codePoint) {
            if (codePoint < 0x80) {
                add((byte) codePoint);
            } else if (codePoint < 0x800) {
                add((byte) (0xc0 | codePoint >> 6));
                add((byte) (0x80 | (codePoint & 0x3f)));
            } else if (codePoint < 0x10000) {
                add((byte) (0xe0 | codePoint >> 12));
                add((byte) (0x80 | (codePoint >> 6 & 0x3f)));
                add((byte) (0x80 | (codePoint & 0x3f)));
            } else {
                add((byte) (0xf0 | codePoint >> 18));
                add((byte) (0x80 | (codePoint >> 12 & 0x3f)));
                add((byte) (0x80 | (codePoint >> 6 & 0x3f)));
                add((byte) (0x80 | (codePoint & 0x3f)));
            }
        }

        String string() {
            for (int i = 0; i < length; i++) {
                if (bytes[i] < 0) {
                    return new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
            }
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }
}
