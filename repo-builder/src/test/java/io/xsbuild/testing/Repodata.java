package io.xsbuild.testing;

import io.xsbuild.io.Compression;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A published repository's metadata parsed back for comparison: per metadata type, each package
 * element as a canonical string (attributes sorted, whitespace between elements dropped), in the
 * order the file lists them. Two repositories describe their packages the same way when these
 * lists are equal, whatever their compression, indentation or escaping.
 */
public record Repodata(Repomd repomd, Map<String, List<String>> packages, Map<String, String> roots) {

    /** Reads {@code repoDir/repodata}; {@code adjust} may edit each package element first. */
    public static Repodata read(Path repoDir, Set<String> ignoredAttributes, Consumer<Element> adjust)
            throws Exception {
        Repomd repomd = Repomd.read(repoDir.resolve("repodata/repomd.xml"));
        Map<String, List<String>> packages = new LinkedHashMap<>();
        Map<String, String> roots = new LinkedHashMap<>();
        for (RepomdRecord r : repomd.records()) {
            if (!List.of("primary", "filelists", "other").contains(r.type())) {
                continue;
            }
            Document doc = parse(repoDir.resolve(r.href()));
            Element root = doc.getDocumentElement();
            roots.put(r.type(), root.getTagName() + " packages=" + root.getAttribute("packages"));
            List<String> list = new ArrayList<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    adjust.accept(e);
                    list.add(canonical(e, ignoredAttributes));
                }
            }
            packages.put(r.type(), list);
        }
        return new Repodata(repomd, packages, roots);
    }

    public static Repodata read(Path repoDir) throws Exception {
        return read(repoDir, Set.of(), e -> { });
    }

    public List<String> of(String type) {
        return packages.get(type);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Compression.ofFile(file.toString()).decompress(Files.newInputStream(file))) {
            return f.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The element as one line: name, sorted attributes, text, children in order. */
    public static String canonical(Element e, Set<String> ignoredAttributes) {
        StringBuilder sb = new StringBuilder();
        append(sb, e, ignoredAttributes);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Element e, Set<String> ignored) {
        sb.append('<').append(e.getTagName());
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            String key = e.getTagName() + "@" + a.getNodeName();
            if (!ignored.contains(key)) {
                attributes.put(a.getNodeName(), a.getNodeValue());
            }
        }
        attributes.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        sb.append('>');
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                append(sb, child, ignored);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = n.getNodeValue();
                if (!text.isBlank() || e.getElementsByTagName("*").getLength() == 0) {
                    sb.append(escape(text));
                }
            }
        }
        sb.append("</").append(e.getTagName()).append('>');
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
