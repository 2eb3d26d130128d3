package io.xsbuild.repo.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;

/** A StAX reader over one metadata file, moved from package element to package element. */
final class XmlCursor implements AutoCloseable {

    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private final String file;
    private final InputStream in;
    final XMLStreamReader xml;

    XmlCursor(String file, InputStream in) throws IOException {
        this.file = file;
        this.in = in;
        try {
            this.xml = XmlInput.reader(in);
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    /** Moves to the start of the next {@code <package>}; false at the end of the document. */
    boolean nextPackage() throws IOException {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "package".equals(xml.getLocalName())) {
                    return true;
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    /** The next start tag inside the current package, or null at its end tag. */
    String nextInPackage() throws IOException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return xml.getLocalName();
                }
                if (event == XMLStreamConstants.END_ELEMENT && "package".equals(xml.getLocalName())) {
                    return null;
                }
            }
            throw new IOException(file + " ends inside a package element");
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    String attribute(String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    long number(String attribute) throws IOException {
        String value = xml.getAttributeValue(null, attribute);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IOException(file + ": " + attribute + "=\"" + value + "\" is not a number");
        }
    }

    String text() throws IOException {
        try {
            return xml.getElementText();
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    IOException broken(Exception e) {
        return new IOException(file + " is not readable metadata: " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // the stream is closed next
        }
        in.close();
    }
}
