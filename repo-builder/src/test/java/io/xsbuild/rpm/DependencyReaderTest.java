package io.xsbuild.rpm;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.rpm.header.Tags;
import io.xsbuild.testing.RpmBytes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** createrepo_c's dependency rules, one by one, on crafted headers. */
class DependencyReaderTest {

    private static final int LESS = 2;
    private static final int GREATER = 4;
    private static final int EQUAL = 8;
    private static final int POSTTRANS = 1 << 5;
    private static final int PREREQ = 1 << 6;
    private static final int PRETRANS = 1 << 7;
    private static final int SCRIPT_PRE = 1 << 9;
    private static final int SCRIPT_POST = 1 << 10;
    private static final int SCRIPT_PREUN = 1 << 11;
    private static final int MISSINGOK = 1 << 19;
    private static final int RPMLIB = 1 << 24;
    private static final int STRONG = 1 << 27;

    private final List<String> warnings = new ArrayList<>();

    private static RpmBytes.Header pkg() {
        return RpmBytes.Header.region(63).string(Tags.NAME, "p").string(Tags.VERSION, "1").string(Tags.RELEASE, "1")
                .string(Tags.ARCH, "noarch").string(Tags.SOURCERPM, "p-1-1.src.rpm");
    }

    private Dependencies read(RpmBytes.Header main) throws Exception {
        byte[] bytes = RpmBytes.rpm(3, RpmBytes.Header.region(62), main, new byte[0]);
        return new RpmReader(ChecksumType.SHA256, 10, "", warnings::add)
                .read(new ByteArrayInputStream(bytes), "p.rpm", bytes.length, 0, null).dependencies();
    }

    private static Dependency dep(String name, String flags, String version, String release, boolean pre) {
        return new Dependency(name, flags, version.isEmpty() ? "" : "0", version, release, pre);
    }

    @Test
    void flagsMapToTheirComparisonAndVersionsSplitIntoEpochVersionRelease() throws Exception {
        Dependencies d = read(pkg().strings(Tags.PROVIDENAME, "a", "b", "c", "d", "e", "f", "g")
                .int32(Tags.PROVIDEFLAGS, EQUAL, LESS, GREATER, LESS | EQUAL, GREATER | EQUAL, 0, LESS | GREATER)
                .strings(Tags.PROVIDEVERSION, "1", "2:3.4-5", "1.0-", ":7", "", "9", "1"));
        assertThat(d.provides()).containsExactly(
                new Dependency("a", "EQ", "0", "1", "", false),
                new Dependency("b", "LT", "2", "3.4", "5", false),
                new Dependency("c", "GT", "0", "1.0", "", false),
                new Dependency("d", "LE", "0", "7", "", false),
                new Dependency("e", "GE", "", "", "", false),
                new Dependency("f", "", "0", "9", "", false),
                new Dependency("g", "", "0", "1", "", false));
    }

    @Test
    void requiresLeaveOutRpmlibOwnPrimaryFilesExactSelfProvidesAndRepeats() throws Exception {
        Dependencies d = read(pkg()
                .strings(Tags.PROVIDENAME, "self", "cap").int32(Tags.PROVIDEFLAGS, EQUAL, EQUAL)
                .strings(Tags.PROVIDEVERSION, "2", "1")
                .strings(Tags.DIRNAMES, "/usr/bin/", "/usr/share/").strings(Tags.BASENAMES, "tool", "data")
                .int32(Tags.DIRINDEXES, 0, 1).int16(Tags.FILEMODES, 0100755, 0100644).int32(Tags.FILEFLAGS, 0, 0)
                .strings(Tags.REQUIRENAME, "rpmlib(PayloadIsXz)", "/usr/bin/tool", "/usr/share/data", "self", "cap",
                        "dup", "dup", "dup")
                .int32(Tags.REQUIREFLAGS, RPMLIB | LESS | EQUAL, 0, 0, EQUAL, GREATER | EQUAL, 0, 0, SCRIPT_PRE)
                .strings(Tags.REQUIREVERSION, "5.2-1", "", "", "2", "1", "", "", ""));
        assertThat(d.requires()).containsExactly(
                dep("/usr/share/data", "", "", "", false),
                dep("cap", "GE", "1", "", false),
                dep("dup", "", "", "", false),
                dep("dup", "", "", "", true));
    }

    @Test
    void preIsSetForPrereqPrePostPretransAndPosttransRequirementsOnly() throws Exception {
        Dependencies d = read(pkg()
                .strings(Tags.REQUIRENAME, "a", "b", "c", "d", "e", "f", "g")
                .int32(Tags.REQUIREFLAGS, PREREQ, SCRIPT_PRE, SCRIPT_POST, PRETRANS, POSTTRANS, SCRIPT_PREUN, 0)
                .strings(Tags.REQUIREVERSION, "", "", "", "", "", "", ""));
        assertThat(d.requires()).extracting(Dependency::pre)
                .containsExactly(true, true, true, true, true, false, false);
    }

    @Test
    void onlyTheNewestLibcRequirementStaysAndGoesLast() throws Exception {
        Dependencies d = read(pkg()
                .strings(Tags.REQUIRENAME, "libc.so.6(GLIBC_2.4)", "zlib", "libc.so.6(GLIBC_2.17)(64bit)",
                        "libc.so.6()", "libc.so.6(GLIBC_2.3.4)")
                .int32(Tags.REQUIREFLAGS, 0, 0, 0, 0, 0)
                .strings(Tags.REQUIREVERSION, "", "", "", "", ""));
        assertThat(d.requires()).extracting(Dependency::name)
                .containsExactly("zlib", "libc.so.6(GLIBC_2.17)(64bit)");
    }

    @Test
    void missingOkRequirementsAreRecommendationsBeforeTheHeadersOwn() throws Exception {
        Dependencies d = read(pkg()
                .strings(Tags.REQUIRENAME, "soft", "hard").int32(Tags.REQUIREFLAGS, MISSINGOK, 0)
                .strings(Tags.REQUIREVERSION, "", "")
                .strings(Tags.RECOMMENDNAME, "rec").int32(Tags.RECOMMENDFLAGS, 0).strings(Tags.RECOMMENDVERSION, ""));
        assertThat(d.requires()).extracting(Dependency::name).containsExactly("hard");
        assertThat(d.recommends()).extracting(Dependency::name).containsExactly("soft", "rec");
    }

    @Test
    void oldWeakDependenciesAreSuggestsOrRecommendsEnhancesOrSupplementsByStrength() throws Exception {
        Dependencies d = read(pkg()
                .strings(Tags.OLDSUGGESTSNAME, "weak", "strong").int32(Tags.OLDSUGGESTSFLAGS, 0, STRONG)
                .strings(Tags.OLDSUGGESTSVERSION, "", "")
                .strings(Tags.OLDENHANCESNAME, "weak2", "strong2").int32(Tags.OLDENHANCESFLAGS, 0, STRONG)
                .strings(Tags.OLDENHANCESVERSION, "", ""));
        assertThat(d.suggests()).extracting(Dependency::name).containsExactly("weak");
        assertThat(d.recommends()).extracting(Dependency::name).containsExactly("strong");
        assertThat(d.enhances()).extracting(Dependency::name).containsExactly("weak2");
        assertThat(d.supplements()).extracting(Dependency::name).containsExactly("strong2");
    }

    @Test
    void aDependencyWithABadEpochIsLeftOutWithAWarning() throws Exception {
        Dependencies d = read(pkg().strings(Tags.CONFLICTNAME, "bad", "good").int32(Tags.CONFLICTFLAGS, EQUAL, EQUAL)
                .strings(Tags.CONFLICTVERSION, "x:1", "1:1"));
        assertThat(d.conflicts()).containsExactly(new Dependency("good", "EQ", "1", "1", "", false));
        assertThat(warnings).singleElement().asString().contains("p.rpm: dependency \"bad\" has a bad epoch");
    }

    @Test
    void aListWithoutItsFlagsIsLeftOutWholeAndAShortListCutsTheOthers() throws Exception {
        Dependencies d = read(pkg().strings(Tags.OBSOLETENAME, "o").strings(Tags.OBSOLETEVERSION, "1")
                .strings(Tags.CONFLICTNAME, "a", "b").int32(Tags.CONFLICTFLAGS, 0).strings(Tags.CONFLICTVERSION, "", ""));
        assertThat(d.obsoletes()).isEmpty();
        assertThat(d.conflicts()).extracting(Dependency::name).containsExactly("a");
    }
}
