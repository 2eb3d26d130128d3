package io.xsbuild.repo.xml;

import io.xsbuild.rpm.RpmPackage;

import java.util.function.BiConsumer;

/** The three metadata files repodata describes packages in, in the order repomd.xml lists them. */
public enum MetadataType {
    PRIMARY("primary", PrimaryXml.ROOT, PrimaryXml.NAMESPACES, PrimaryXml::write),
    FILELISTS("filelists", FilelistsXml.ROOT, FilelistsXml.NAMESPACES, FilelistsXml::write),
    OTHER("other", OtherXml.ROOT, OtherXml.NAMESPACES, OtherXml::write);

    private final String repodataName;
    private final String root;
    private final String namespaces;
    private final BiConsumer<XmlOut, RpmPackage> writer;

    MetadataType(String repodataName, String root, String namespaces, BiConsumer<XmlOut, RpmPackage> writer) {
        this.repodataName = repodataName;
        this.root = root;
        this.namespaces = namespaces;
        this.writer = writer;
    }

    /** "primary", as repomd.xml's {@code <data type="...">} and file names spell it. */
    public String repodataName() {
        return repodataName;
    }

    /** The document element's name. */
    public String root() {
        return root;
    }

    /** The XML declaration and start tag, up to and including its line feed. */
    public String header(long packages) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " " + namespaces + " packages=\""
                + packages + "\">\n";
    }

    /** The end tag (no line feed after it, as createrepo_c writes it). */
    public String footer() {
        return "</" + root + ">";
    }

    /** The package's entry as UTF-8, ending with a line feed. */
    public byte[] entry(RpmPackage p) {
        XmlOut out = XmlOut.reset();
        writer.accept(out, p);
        return out.toBytes();
    }
}
