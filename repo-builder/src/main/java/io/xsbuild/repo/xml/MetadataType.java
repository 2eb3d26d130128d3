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
    private final BiConsumer<StringBuilder, RpmPackage> writer;

    MetadataType(String repodataName, String root, String namespaces, BiConsumer<StringBuilder, RpmPackage> writer) {
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

    /** Appends the package's entry, ending with a line feed. */
    public void write(StringBuilder sb, RpmPackage p) {
        writer.accept(sb, p);
    }

    /** The package's entry as UTF-8. */
    public byte[] entry(RpmPackage p) {
        StringBuilder sb = new StringBuilder(1024);
        write(sb, p);
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
