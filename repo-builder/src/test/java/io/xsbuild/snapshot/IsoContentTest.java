package io.xsbuild.snapshot;

import io.xsbuild.iso.IsoEntry;
import io.xsbuild.iso.IsoImage;
import io.xsbuild.iso.IsoTools;
import io.xsbuild.repo.repomd.Repomd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** What snapshot ISOs made in the test say about themselves. */
class IsoContentTest {

    static final String COMPS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <comps><group><id>xenserver_base</id><name>Base</name>\
            <packagelist><packagereq>xen-hypervisor</packagereq></packagelist></group></comps>
            """;

    @TempDir
    Path dir;

    private Path tree(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** A binpkg ISO as 8.x ships it: .treeinfo, Packages/, repodata with comps made by createrepo_c. */
    private Path binpkg(Path src) throws Exception {
        write(src.resolve(".treeinfo"), TreeInfoTest.V8_3);
        write(src.resolve("Packages/xen-hypervisor-4.17.5-1.xs8.x86_64.rpm"), "not really an rpm");
        write(src.resolve("Packages/xapi-core-25.1-1.xs8.x86_64.rpm"), "nor this");
        write(src.resolve("comps.xml"), COMPS);
        IsoTools.require("createrepo_c");
        IsoTools.run("createrepo_c", "-q", "--no-database", "-g", "comps.xml", "--excludes", "*.rpm", src.toString());
        Files.delete(src.resolve("comps.xml"));
        return src;
    }

    @Test
    void describesABinaryIsoAndFindsItsComps() throws Exception {
        Path iso = IsoTools.makeIso(binpkg(tree("binpkg")), dir.resolve("binpkg.iso"));
        try (IsoImage image = IsoImage.open(iso)) {
            IsoContent content = IsoContent.read(image);
            assertThat(content.kind()).isEqualTo(IsoContent.Kind.BINARY);
            assertThat(content.product()).isEqualTo(new ProductInfo("XenServer", "8.4.0", "XCP", "3.4.0", "cloud"));
            assertThat(content.rpms()).extracting(IsoEntry::path).containsExactlyInAnyOrder(
                    "Packages/xen-hypervisor-4.17.5-1.xs8.x86_64.rpm", "Packages/xapi-core-25.1-1.xs8.x86_64.rpm");
            assertThat(content.legacy()).isEmpty();
            assertThat(content.group()).hasValueSatisfying(g -> assertThat(g.type()).isEqualTo("group"));

            GroupFile comps = GroupFile.read(image, content.repomd()).orElseThrow();
            assertThat(comps.source()).startsWith("repodata/").endsWith("-comps.xml");
            assertThat(new String(comps.xml(), StandardCharsets.UTF_8)).isEqualTo(COMPS);
        }
    }

    @Test
    void decompressesTheGroupFileWhenOnlyTheCompressedOneIsListedAndChecksIt() throws Exception {
        Path src = binpkg(tree("gz"));
        Path repomd = src.resolve(Repomd.PATH);
        String xml = Files.readString(repomd);
        Files.writeString(repomd, xml.replaceAll("(?s)<data type=\"group\">.*?</data>", ""));
        try (IsoImage image = IsoImage.open(IsoTools.makeIso(src, dir.resolve("gz.iso")))) {
            GroupFile comps = GroupFile.read(image, IsoContent.read(image).repomd()).orElseThrow();
            assertThat(comps.source()).endsWith("-comps.xml.gz");
            assertThat(new String(comps.xml(), StandardCharsets.UTF_8)).isEqualTo(COMPS);
        }

        Matcher gz = Pattern.compile("href=\"(repodata/[^\"]*comps.xml.gz)\"").matcher(xml);
        assertThat(gz.find()).isTrue();
        Files.write(src.resolve(gz.group(1)), new byte[] {1, 2, 3});
        try (IsoImage image = IsoImage.open(IsoTools.makeIso(src, dir.resolve("tampered.iso")))) {
            IsoMetadataException e = catchThrowableOfType(IsoMetadataException.class,
                    () -> GroupFile.read(image, IsoContent.read(image).repomd()));
            assertThat(e.getMessage()).contains("tampered.iso").contains(gz.group(1)).contains("but repomd.xml says");
        }
    }

    @Test
    void checksGroupRecordsOfChecksumTypesXsbuildDoesNotWrite() throws Exception {
        Path src = binpkg(tree("md5"));
        Path repomd = src.resolve(Repomd.PATH);
        String xml = Files.readString(repomd).replaceAll("(?s)<data type=\"group\">.*?</data>", "");
        Matcher gz = Pattern.compile("href=\"(repodata/[^\"]*comps.xml.gz)\"").matcher(xml);
        assertThat(gz.find()).isTrue();
        String md5 = hex("MD5", Files.readAllBytes(src.resolve(gz.group(1))));
        String sha224 = hex("SHA-224", COMPS.getBytes(StandardCharsets.UTF_8));
        String record = "<data type=\"group_gz\"><checksum type=\"md5\">" + md5 + "</checksum>"
                + "<open-checksum type=\"sha224\">" + sha224 + "</open-checksum><location href=\"" + gz.group(1) + "\"/></data>";
        Files.writeString(repomd, xml.replaceAll("(?s)<data type=\"group_gz\">.*?</data>", record));
        try (IsoImage image = IsoImage.open(IsoTools.makeIso(src, dir.resolve("md5.iso")))) {
            GroupFile comps = GroupFile.read(image, IsoContent.read(image).repomd()).orElseThrow();
            assertThat(new String(comps.xml(), StandardCharsets.UTF_8)).isEqualTo(COMPS);
        }

        String wrong = record.replace(sha224, "0" + sha224.substring(1));
        Files.writeString(repomd, xml.replaceAll("(?s)<data type=\"group_gz\">.*?</data>", wrong));
        try (IsoImage image = IsoImage.open(IsoTools.makeIso(src, dir.resolve("wrong.iso")))) {
            IsoMetadataException e = catchThrowableOfType(IsoMetadataException.class,
                    () -> GroupFile.read(image, IsoContent.read(image).repomd()));
            assertThat(e.getMessage()).contains("wrong.iso").contains("sha224 is " + sha224 + " but repomd.xml says");
        }
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(bytes));
    }

    @Test
    void describesASourceIsoWithDeeplyNestedSourcePackages() throws Exception {
        Path src = tree("source");
        write(src.resolve("SRPMS/xen-4.17.5-1.xs8.src.rpm"), "s");
        write(src.resolve("a/b/c/d/e/f/g/h/i/deep-1.0-1.src.rpm"), "s");
        write(src.resolve("guest/tools/win-pv-drivers-9.0-1.nosrc.rpm"), "s");
        try (IsoImage image = IsoImage.open(IsoTools.makeIso(src, dir.resolve("source.iso")))) {
            IsoContent content = IsoContent.read(image);
            assertThat(content.kind()).isEqualTo(IsoContent.Kind.SOURCE);
            assertThat(content.sourceRpms()).extracting(IsoEntry::path).contains("a/b/c/d/e/f/g/h/i/deep-1.0-1.src.rpm");
            assertThat(content.binaryRpms()).isEmpty();
            assertThat(content.treeInfo()).isNull();
            assertThat(content.repomd()).isNull();
            assertThat(content.group()).isEmpty();
            assertThat(content.product()).isEqualTo(ProductInfo.UNKNOWN);
        }
    }

    @Test
    void readsTheLegacyLayoutOfXenServer70AndEarlier() throws Exception {
        Path src = tree("legacy");
        write(src.resolve("packages.main/XS-REPOSITORY"), """
                <repository originator="xs" name="main" product="XenServer" version="7.0.0" build="125380c">
                  <description>XenServer 7.0.0</description>
                  <requires originator="xcp" name="base" test="ge" version="2.1.0" build=""/>
                </repository>
                """);
        write(src.resolve("packages.main/XS-PACKAGES"), """
                <packages>
                  <package type="rpm" label="xapi-core" size="3" md5="900150983cd24fb0d6963f7d28e17f72" optional="false">xapi-core-1.0-1.x86_64.rpm</package>
                  <package type="tbz2" label="dom0fs" size="1" md5="0cc175b9c0f1b6a831c399e269772661" root="/">dom0fs.tar.bz2</package>
                </packages>
                """);
        write(src.resolve("packages.main/xapi-core-1.0-1.x86_64.rpm"), "abc");
        write(src.resolve("packages.linux/XS-REPOSITORY"), "xs:linux\nLinux Pack\nXenServer\n7.0.0\n");
        write(src.resolve("packages.linux/XS-PACKAGES"), "linux-guest 10 0123456789abcdef0123456789abcdef tbz2 required linux.tar.bz2 /\n");
        write(src.resolve("XS-REPOSITORY-LIST"), "extra/supp\n");
        write(src.resolve("extra/supp/XS-REPOSITORY"), "<repository originator=\"acme\" name=\"supp\"/>");
        write(src.resolve("extra/supp/XS-PACKAGES"), "<packages/>");
        try (IsoImage image = IsoImage.open(IsoTools.makeIso(src, dir.resolve("legacy.iso")))) {
            IsoContent content = IsoContent.read(image);
            assertThat(content.legacy()).extracting(LegacyRepository::identifier).containsExactly("xs:main", "xs:linux", "acme:supp");
            LegacyRepository main = content.legacy().get(0);
            assertThat(main.directory()).isEqualTo("packages.main");
            assertThat(main.description()).isEqualTo("XenServer 7.0.0");
            assertThat(main.requires()).containsExactly(new LegacyRepository.Requirement("xcp", "base", "ge", "2.1.0", null));
            assertThat(main.packages()).extracting(LegacyRepository.Package::type, LegacyRepository.Package::file)
                    .containsExactly(tuple("rpm", "xapi-core-1.0-1.x86_64.rpm"), tuple("tbz2", "dom0fs.tar.bz2"));
            assertThat(main.resolve(main.packages().get(0).file())).isEqualTo("packages.main/xapi-core-1.0-1.x86_64.rpm");
            assertThat(content.legacy().get(1).packages().get(0).attributes()).containsEntry("required", "required").containsEntry("root", "/");
            assertThat(content.product()).isEqualTo(new ProductInfo("XenServer", "7.0.0", null, null, "125380c"));
            assertThat(content.kind()).isEqualTo(IsoContent.Kind.BINARY);
        }
    }

    @Test
    void refusesARepositoryListThatLeadsOutOfTheImage() throws Exception {
        Path src = tree("evil");
        write(src.resolve("XS-REPOSITORY-LIST"), "../../etc\n");
        try (IsoImage image = IsoImage.open(IsoTools.makeIso(src, dir.resolve("evil.iso")))) {
            assertThat(catchThrowableOfType(IsoMetadataException.class, () -> IsoContent.read(image)).getMessage())
                    .contains("evil.iso: XS-REPOSITORY-LIST: the path '../../etc' leads out");
        }
    }

    @Test
    void namesTheIsoWhoseTreeinfoIsMalformed() throws Exception {
        Path src = tree("badinfo");
        write(src.resolve(".treeinfo"), "[platform]\nthis is not ini\n");
        try (IsoImage image = IsoImage.open(IsoTools.makeIso(src, dir.resolve("badinfo.iso")))) {
            assertThat(catchThrowableOfType(IsoMetadataException.class, () -> IsoContent.read(image)).getMessage())
                    .isEqualTo("ISO " + image.path() + ": .treeinfo: line 2: expected 'key = value', found 'this is not ini'");
        }
    }
}
