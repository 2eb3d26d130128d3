package io.xsbuild.remaster;

import io.xsbuild.io.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small XML element tree with the line each element starts on, read without DTDs or external
 * entities: enough to check an answer file and name the element that is wrong.
 */
record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children, int line) {

    XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    static XmlElement parse(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = SafeXml.reader(xml);
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                Builder b = new Builder(r.getLocalName(), r.getLocation().getLineNumber());
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    b.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                }
                open.push(b);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (!open.isEmpty()) {
                    open.peek().text.append(r.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                XmlElement done = open.pop().build();
                if (open.isEmpty()) {
                    root = done;
                } else {
                    open.peek().children.add(done);
                }
            }
        }
        return root;
    }

    /** Every element below this one named any of {@code names}, in document order (the installer's getElementsByTagName). */
    List<XmlElement> below(String... names) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement c : children) {
            if (List.of(names).contains(c.name)) {
                found.add(c);
            }
            found.addAll(c.below(names));
        }
        return found;
    }

    Optional<String> attribute(String... names) {
        for (String n : names) {
            if (attributes.containsKey(n)) {
                return Optional.of(attributes.get(n));
            }
        }
        return Optional.empty();
    }

    /** "&lt;admin-interface&gt; (line 7)". */
    String where() {
        return "<" + name + "> (line " + line + ")";
    }

    private static final class Builder {
        final String name;
        final int line;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        XmlElement build() {
            return new XmlElement(name, attributes, text.toString().strip(), children, line);
        }
    }
}
