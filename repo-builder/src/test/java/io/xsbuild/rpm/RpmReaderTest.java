package io.xsbuild.rpm;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.rpm.header.Tags;
import io.xsbuild.testing.RpmBytes;
import io.xsbuild.testing.TestData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpmReaderTest {

    private final List<String> warnings = new ArrayList<>();
    private final RpmReader reader = new RpmReader(ChecksumType.SHA256, 10, "", warnings::add);

    private static String sha(ChecksumType type, byte[] bytes) {
        MessageDigest d = type.newDigest();
        return HexFormat.of().formatHex(d.digest(bytes));
    }

    private RpmPackage read(byte[] bytes) throws Exception {
        return reader.read(new ByteArrayInputStream(bytes), "crafted.rpm", bytes.length, 1234, null);
    }

    @Test
    void theChecksumCoversTheWholeFileAndTheHeaderRangeIsCreaterepos() throws Exception {
        Path file = TestData.pkg("fake_bash-1.1.1-1.x86_64.rpm");
        RpmPackage p = reader.read(file, "fake_bash-1.1.1-1.x86_64.rpm");
        assertThat(p.pkgid()).isEqualTo("90f61e546938a11449b710160ad294618a5bd3062e46f8cf851fd0088af184b7");
        assertThat(p.facts().size()).isEqualTo(2237);
        assertThat(p.facts().headerStart()).isEqualTo(280);
        assertThat(p.facts().headerEnd()).isEqualTo(2057);
        assertThat(p.nevra()).isEqualTo("fake_bash-0:1.1.1-1.x86_64");
        assertThat(p.archiveSize()).isEqualTo(256);
        assertThat(p.files()).containsExactly(new FileEntry("/usr/bin/fake_bash", FileEntry.Type.FILE));
    }

    @Test
    void theHeaderAloneIsReadAsFarAsItsEndAndDescribesThePackageAsAFullRead() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.pkg("fake_bash-1.1.1-1.x86_64.rpm"));
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        RpmPackage header = reader.readHeader(in, "fake_bash.rpm", bytes.length);
        assertThat(bytes.length - in.available()).isEqualTo(2057);
        assertThat(header.file()).isNull();
        RpmPackage full = read(bytes);
        assertThat(header.withFile(full.facts(), full.location())).isEqualTo(full);
        assertThatThrownBy(() -> reader.readHeader(new ByteArrayInputStream(bytes, 0, 100), "cut.rpm", 100))
                .isInstanceOf(BadPackageException.class).hasMessageStartingWith("cut.rpm: truncated");
    }

    @Test
    void aPackageNotWantedAfterItsHeadersIsReadNoFurtherAndWarnsOfNothing() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.pkg("fake_bash-1.1.1-1.x86_64.rpm"));
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        ByteArrayOutputStream tee = new ByteArrayOutputStream();
        List<RpmPackage> asked = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        RpmReader warning = new RpmReader(ChecksumType.SHA256, 10, "", warned::add);
        assertThat(warning.read(in, "fake_bash.rpm", bytes.length, 0, tee, p -> !asked.add(p))).isNull();
        assertThat(bytes.length - in.available()).isEqualTo(2057).isEqualTo(tee.size());
        RpmPackage full = read(bytes);
        assertThat(asked).singleElement().satisfies(header -> {
            assertThat(header.file()).isNull();
            assertThat(header.withFile(full.facts(), full.location())).isEqualTo(full);
        });
        assertThat(warned).isEmpty();
        assertThat(reader.read(new ByteArrayInputStream(bytes), "crafted.rpm", bytes.length, full.facts().mtime(), null,
                p -> true)).isEqualTo(full);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes, 0, 100), "cut.rpm", 100, 0, null, p -> true))
                .isInstanceOf(BadPackageException.class).hasMessageStartingWith("cut.rpm: truncated");
    }

    @Test
    void signedPackagesHaveTheirHeaderAfterTheLargerSignature() throws Exception {
        assertThat(range("empty-signed-rsa-0-0.x86_64.rpm")).containsExactly(1440L, 2445L);
        assertThat(range("empty-signed-eddsa-0-0.x86_64.rpm")).containsExactly(544L, 1549L);
        assertThat(range("empty-signed-v6-multiple-0-0.x86_64.rpm")).containsExactly(2376L, 3381L);
    }

    private List<Long> range(String name) throws Exception {
        RpmPackage p = reader.read(TestData.pkg(name), name);
        return List.of(p.facts().headerStart(), p.facts().headerEnd());
    }

    @Test
    void everyTestPackageReadsWithTheRightChecksumInEveryType() throws Exception {
        for (ChecksumType type : ChecksumType.values()) {
            RpmReader r = new RpmReader(type, 10, "", warnings::add);
            for (Path file : TestData.allPackages()) {
                byte[] bytes = Files.readAllBytes(file);
                RpmPackage p = r.read(file, file.getFileName().toString());
                assertThat(p.pkgid()).as(file + " " + type).isEqualTo(sha(type, bytes));
                assertThat(p.facts().checksumType()).isEqualTo(type);
            }
        }
    }

    @Test
    void theCopyGetsEveryByteInTheSamePass() throws Exception {
        Path file = TestData.pkg("Archer-3.4.5-6.x86_64.rpm");
        byte[] bytes = Files.readAllBytes(file);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        RpmPackage p = reader.read(new ByteArrayInputStream(bytes), "Packages/Archer.rpm", bytes.length, 77, copy);
        assertThat(copy.toByteArray()).isEqualTo(bytes);
        assertThat(p.location()).isEqualTo(new Location("Packages/Archer.rpm", ""));
        assertThat(p.facts().mtime()).isEqualTo(77);
        assertThat(p.epoch()).isEqualTo("2");
    }

    @Test
    void aSourcePackageIsArchSrcWithNoSourceRpm() throws Exception {
        RpmPackage p = reader.read(TestData.pkg("empty-0-0.src.rpm"), "empty-0-0.src.rpm");
        assertThat(p.arch()).isEqualTo("src");
        assertThat(p.sourceRpm()).isEmpty();
        assertThat(p.installedSize()).isEqualTo(176);
        assertThat(p.files()).containsExactly(new FileEntry("empty.spec", FileEntry.Type.FILE));
    }

    @Test
    void textThatIsNotUtf8IsReadAsLatin1() throws Exception {
        RpmPackage p = reader.read(TestData.pkg("balicek-iso88591-1.1.1-1.x86_64.rpm"), "b.rpm");
        assertThat(p.summary()).isEqualTo("Balicek s \"àáâãäåç\"");
        assertThat(p.changelogs().get(0).author()).startsWith("Tomás Mlcoch");
        RpmPackage utf8 = reader.read(TestData.pkg("balicek-utf8-1.1.1-1.x86_64.rpm"), "u.rpm");
        assertThat(utf8.summary()).isEqualTo("Balíček s \"ěščřžýáíéů\"");
    }

    @Test
    void weakDependenciesAreRead() throws Exception {
        RpmPackage p = reader.read(TestData.pkg("Rimmer-1.0.2-2.x86_64.rpm"), "r.rpm");
        Dependencies d = p.dependencies();
        assertThat(d.suggests()).containsExactly(new Dependency("sug", "GT", "0", "6", "", false));
        assertThat(d.enhances()).containsExactly(new Dependency("enh", "LT", "0", "7", "", false));
        assertThat(d.recommends()).containsExactly(new Dependency("rec", "EQ", "0", "8", "", false));
        assertThat(d.supplements()).containsExactly(new Dependency("sup", "GT", "0", "9", "", false));
        assertThat(d.requires()).containsExactly(new Dependency("req", "LE", "0", "1", "", false),
                new Dependency("reqpre", "EQ", "0", "2", "", true));
    }

    @Test
    void anEmptyFileIsNamedAndSaidToBeEmpty() {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(new byte[0]), "x.rpm", 0, 0, null))
                .isInstanceOf(BadPackageException.class)
                .hasMessage("x.rpm: empty file, not an RPM package");
    }

    @Test
    void aFileThatIsNotAnRpmSaysWhatItStartsWith() {
        byte[] text = "#!/bin/sh\necho this is not a package, but it is long enough to have a lead of ninety-six bytes.........\n"
                .getBytes();
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(BadPackageException.class)
                .hasMessageContaining("crafted.rpm: not an RPM package: starts with 23 21 2f 62");
    }

    @Test
    void aTruncatedPackageSaysWhereItEnds() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.pkg("fake_bash-1.1.1-1.x86_64.rpm"));
        byte[] cut = java.util.Arrays.copyOf(bytes, 1000);
        assertThatThrownBy(() -> read(cut))
                .isInstanceOf(BadPackageException.class)
                .hasMessageContaining("truncated: the header at offset 280 claims");
    }

    @Test
    void aStreamShorterOrLongerThanDeclaredIsCaught() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.pkg("fake_bash-1.1.1-1.x86_64.rpm"));
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "s.rpm", bytes.length + 10, 0, null))
                .isInstanceOf(BadPackageException.class)
                .hasMessageContaining("the file ended at byte 2237, though it was to be 2247 bytes long");
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "l.rpm", bytes.length - 10, 0, null))
                .isInstanceOf(BadPackageException.class)
                .hasMessageContaining("longer than the 2227 bytes");
    }

    @Test
    void anRpm3PackageWithoutRegionGetsItsFilesAndNameProvideRetrofitted() throws Exception {
        RpmBytes.Header sig = RpmBytes.Header.region(0).int32(Tags.Signature.SIZE, 500);
        RpmBytes.Header main = RpmBytes.Header.region(0)
                .string(Tags.NAME, "old").string(Tags.VERSION, "1.0").string(Tags.RELEASE, "3")
                .int32(Tags.EPOCH, 4)
                .string(Tags.ARCH, "i386")
                .string(Tags.SOURCERPM, "old-1.0-3.src.rpm")
                .strings(Tags.OLDFILENAMES, "/etc/old.conf", "/usr/share/old")
                .int16(Tags.FILEMODES, 0100644, 040755)
                .int32(Tags.FILEFLAGS, 1, 0)
                .strings(Tags.PROVIDENAME, "oldlib");
        RpmPackage p = read(RpmBytes.rpm(3, sig, main, new byte[10]));
        assertThat(p.files()).containsExactly(new FileEntry("/etc/old.conf", FileEntry.Type.FILE),
                new FileEntry("/usr/share/old", FileEntry.Type.DIR));
        assertThat(p.dependencies().provides()).containsExactly(Dependency.of("oldlib"),
                new Dependency("old", "EQ", "4", "1.0", "3", false));
        assertThat(p.sourceRpm()).isEqualTo("old-1.0-3.src.rpm");
    }

    @Test
    void aPackageWithNeitherSourceTagIsJudgedByItsDirectories() throws Exception {
        RpmBytes.Header sig = RpmBytes.Header.region(62);
        RpmPackage binary = read(RpmBytes.rpm(3, sig, minimal().strings(Tags.DIRNAMES, "/usr/bin/")
                .strings(Tags.BASENAMES, "x").int32(Tags.DIRINDEXES, 0).int16(Tags.FILEMODES, 0100755)
                .int32(Tags.FILEFLAGS, 0), new byte[0]));
        assertThat(binary.sourceRpm()).isEqualTo("(none)");
        assertThat(binary.arch()).isEqualTo("x86_64");
        RpmPackage source = read(RpmBytes.rpm(3, sig, minimal().strings(Tags.DIRNAMES, "")
                .strings(Tags.BASENAMES, "x.spec").int32(Tags.DIRINDEXES, 0).int16(Tags.FILEMODES, 0100644)
                .int32(Tags.FILEFLAGS, 0), new byte[0]));
        assertThat(source.arch()).isEqualTo("src");
        assertThat(source.sourceRpm()).isEmpty();
    }

    private static RpmBytes.Header minimal() {
        return RpmBytes.Header.region(63).string(Tags.NAME, "n").string(Tags.VERSION, "1").string(Tags.RELEASE, "1")
                .string(Tags.ARCH, "x86_64");
    }

    @Test
    void rpm6PackagesTakeTheArchiveSizeFromTheirPayloadSize() throws Exception {
        RpmBytes.Header sig = RpmBytes.Header.region(62).string(273, "ab".repeat(32)).bin(999, new byte[16]);
        RpmBytes.Header main = minimal().string(Tags.SOURCERPM, "n-1-1.src.rpm").int64(Tags.LONGSIZE, 5_000_000_000L)
                .int64(Tags.PAYLOADSIZEALT, 4_321_000_000L).int32(5114, 6);
        RpmPackage p = read(RpmBytes.rpm(4, sig, main, new byte[3]));
        assertThat(p.installedSize()).isEqualTo(5_000_000_000L);
        assertThat(p.archiveSize()).isEqualTo(4_321_000_000L);
    }

    @Test
    void signatureSizesAreMergedLikeLibrpmMergesThem() throws Exception {
        RpmBytes.Header main = minimal().string(Tags.SOURCERPM, "n.src.rpm").int32(Tags.SIZE, 70);
        RpmBytes.Header payloadSize = RpmBytes.Header.region(62).int32(Tags.Signature.PAYLOADSIZE, 300);
        assertThat(read(RpmBytes.rpm(3, payloadSize, main, new byte[1])).archiveSize()).isEqualTo(300);
        RpmBytes.Header both = RpmBytes.Header.region(62).int32(Tags.Signature.PAYLOADSIZE, 300)
                .int64(Tags.Signature.LONGARCHIVESIZE, 6_000_000_000L);
        assertThat(read(RpmBytes.rpm(3, both, main, new byte[1])).archiveSize()).isEqualTo(6_000_000_000L);
        RpmBytes.Header mainHasIt = minimal().string(Tags.SOURCERPM, "n.src.rpm").int32(Tags.ARCHIVESIZE, 12);
        assertThat(read(RpmBytes.rpm(3, payloadSize, mainHasIt, new byte[1])).archiveSize()).isEqualTo(12);
        RpmBytes.Header wrongType = RpmBytes.Header.region(62).int64(Tags.Signature.PAYLOADSIZE, 300);
        assertThat(read(RpmBytes.rpm(3, wrongType, main, new byte[1])).archiveSize()).isZero();
        assertThat(read(RpmBytes.rpm(3, payloadSize, main, new byte[1])).installedSize()).isEqualTo(70);
    }

    @Test
    void everyEntryTypeReads() throws Exception {
        RpmBytes.Header main = RpmBytes.Header.region(63).string(Tags.NAME, "n").string(Tags.VERSION, "1")
                .string(Tags.RELEASE, "1").chars(1010, 'x').int8(Tags.EPOCH, 200).i18n(Tags.SUMMARY, "hello", "hallo")
                .int64(Tags.BUILDTIME, 0xffffffffL + 5).bin(1012, new byte[] {1, 2, 3})
                .int32(Tags.SOURCEPACKAGE, 1);
        RpmPackage p = read(RpmBytes.rpm(3, RpmBytes.Header.region(62), main, new byte[0]));
        assertThat(p.epoch()).isEqualTo("200");
        assertThat(p.summary()).isEqualTo("hello");
        assertThat(p.buildTime()).isEqualTo(0xffffffffL + 5);
        assertThat(p.arch()).isEqualTo("src");
    }

    @Test
    void aDribbleEntryAfterTheRegionReplacesTheRegionsValue() throws Exception {
        RpmBytes.Header main = minimal().string(Tags.SOURCERPM, "n.src.rpm").string(Tags.SUMMARY, "sealed")
                .string(Tags.SUMMARY, "dribbled");
        assertThat(read(RpmBytes.rpm(3, RpmBytes.Header.region(62), main, new byte[0])).summary())
                .isEqualTo("dribbled");
    }

    @Test
    void aHeaderWithoutANameIsBad() {
        RpmBytes.Header main = RpmBytes.Header.region(63).string(Tags.VERSION, "1").string(Tags.RELEASE, "1");
        assertThatThrownBy(() -> read(RpmBytes.rpm(3, RpmBytes.Header.region(62), main, new byte[0])))
                .isInstanceOf(BadPackageException.class)
                .hasMessage("crafted.rpm: the header has no NAME (1000)");
    }

    @Test
    void aNumberWhereTextBelongsIsBad() {
        RpmBytes.Header main = RpmBytes.Header.region(63).int32(Tags.NAME, 5).string(Tags.VERSION, "1")
                .string(Tags.RELEASE, "1");
        assertThatThrownBy(() -> read(RpmBytes.rpm(3, RpmBytes.Header.region(62), main, new byte[0])))
                .isInstanceOf(BadPackageException.class)
                .hasMessage("crafted.rpm: NAME (1000) holds INT32 data where text was expected");
    }

    @Test
    void controlCharactersAreRefusedAsCreaterepoRefusesThem() throws Exception {
        RpmBytes.Header main = minimal().string(Tags.SUMMARY, "bell\u0007");
        assertThatThrownBy(() -> read(RpmBytes.rpm(3, RpmBytes.Header.region(62), main, new byte[0])))
                .isInstanceOf(BadPackageException.class)
                .hasMessageContaining("SUMMARY contains the control character 0x07");
        RpmBytes.Header file = minimal().strings(Tags.DIRNAMES, "/usr/bin/").strings(Tags.BASENAMES, "x\u001b")
                .int32(Tags.DIRINDEXES, 0).int16(Tags.FILEMODES, 0100755).int32(Tags.FILEFLAGS, 0);
        assertThatThrownBy(() -> read(RpmBytes.rpm(3, RpmBytes.Header.region(62), file, new byte[0])))
                .isInstanceOf(BadPackageException.class)
                .hasMessageContaining("a file name contains the control character 0x1b");
        RpmBytes.Header tabs = minimal().string(Tags.SUMMARY, "tab\there\r\nand on");
        assertThat(read(RpmBytes.rpm(3, RpmBytes.Header.region(62), tabs, new byte[0])).summary())
                .isEqualTo("tab\there\r\nand on");
    }

    @Test
    void aLeadOfAnotherFormatVersionIsBad() throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.pkg("empty-0-0.x86_64.rpm"));
        bytes[4] = 5;
        assertThatThrownBy(() -> read(bytes)).hasMessageContaining("unsupported RPM format version 5");
    }
}
