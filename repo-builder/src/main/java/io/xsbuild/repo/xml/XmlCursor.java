package io.xsbuild.repo.xml;

import java.io.IOException;
import java.io.InputStream;

/** One metadata file read from package element to package element. */
final class XmlCursor implements AutoCloseable {

    private static final int PACKAGE_DEPTH = 2;

    private final String file;
    private final XmlReader xml;

    XmlCursor(String file, InputStream in) {
        this.file = file;
        this.xml = new XmlReader(file, in);
    }

    /** A cursor on a document held whole in memory, which is left as it is. */
    XmlCursor(String file, byte[] document) {
        this.file = file;
        this.xml = new XmlReader(file, document);
    }

    /** Moves to the start of the next {@code <package>}; false at the end of the document. */
    boolean nextPackage() throws IOException {
        while (true) {
            switch (xml.next()) {
                case START -> {
                    if (xml.depth() == PACKAGE_DEPTH && "package".equals(xml.localName())) {
                        return true;
                    }
                }
                case END_DOCUMENT -> {
                    return false;
                }
                default -> {
                }
            }
        }
    }

    /** The local name of the next start tag inside the current package, or null at its end tag. */
    String nextInPackage() throws IOException {
        while (true) {
            switch (xml.next()) {
                case START -> {
                    return xml.localName();
                }
                case END -> {
                    if (xml.depth() < PACKAGE_DEPTH) {
                        return null;
                    }
                }
                case END_DOCUMENT -> throw new IOException(file + " ends inside a package element");
                default -> {
                }
            }
        }
    }

    /** The current start tag's attribute, "" when absent. */
    String attribute(String qualifiedName) {
        String value = xml.attribute(qualifiedName);
        return value == null ? "" : value;
    }

    long number(String attribute) throws IOException {
        String value = xml.attribute(attribute);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw xml.broken(attribute + "=\"" + value + "\" is not a number");
        }
    }

    /** The current element's text. */
    String text() throws IOException {
        return xml.elementText();
    }

    @Override
    public void close() throws IOException {
        xml.close();
    }
}
