package io.xsbuild.remaster;

import io.xsbuild.io.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of a comps file and the packages each installs by default: its {@code mandatory},
 * {@code default} and {@code conditional} package requests ({@code optional} ones are installed
 * only when asked for).
 *
 * @param groups group id to the package names it installs, in file order
 */
record Comps(Map<String, List<String>> groups) {

    Comps {
        groups = Map.copyOf(groups);
    }

    static Comps parse(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = SafeXml.reader(xml);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        String id = null;
        List<String> packages = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "group" -> {
                        id = null;
                        packages = new ArrayList<>();
                    }
                    case "id" -> {
                        if (packages != null && id == null) {
                            id = SafeXml.text(r);
                        }
                    }
                    case "packagereq" -> {
                        String type = r.getAttributeValue(null, "type");
                        String name = SafeXml.text(r);
                        if (packages != null && !"optional".equals(type)) {
                            packages.add(name);
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("group")) {
                if (id != null && packages != null) {
                    groups.put(id, List.copyOf(packages));
                }
                packages = null;
            }
        }
        return new Comps(groups);
    }
}
