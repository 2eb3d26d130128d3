package io.xsbuild.rpm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RpmVersionsTest {

    private static int cmp(String a, String b) {
        return RpmVersions.compare(a, b);
    }

    @Test
    void comparesLikeRpmvercmp() {
        assertThat(cmp("1.0", "1.0")).isZero();
        assertThat(cmp("1.0", "2.0")).isNegative();
        assertThat(cmp("2.17", "2.4")).isPositive();
        assertThat(cmp("1.0010", "1.9")).isPositive();
        assertThat(cmp("1.05", "1.5")).isZero();
        assertThat(cmp("1.0", "1.0a")).isNegative();
        assertThat(cmp("1.0a", "1.0.1")).isNegative();
        assertThat(cmp("1.0~rc1", "1.0")).isNegative();
        assertThat(cmp("1.0~rc1", "1.0~rc2")).isNegative();
        assertThat(cmp("1.0^git1", "1.0")).isPositive();
        assertThat(cmp("1.0^git1", "1.0.1")).isNegative();
        assertThat(cmp("a", "1")).isNegative();
        assertThat(cmp("1_0", "1.0")).isZero();
        assertThat(cmp("1.0.", "1.0")).isZero();
        assertThat(cmp("abc", "abd")).isNegative();
    }

    @Test
    void libcRequirementsOrderByTheirGlibcVersion() {
        assertThat(RpmVersions.newerLibc("libc.so.6(GLIBC_2.4)", "libc.so.6(GLIBC_2.17)(64bit)")).isTrue();
        assertThat(RpmVersions.newerLibc("libc.so.6(GLIBC_2.17)(64bit)", "libc.so.6(GLIBC_2.4)")).isFalse();
        assertThat(RpmVersions.newerLibc("libc.so.6()", "libc.so.6(GLIBC_2.2.5)")).isTrue();
        assertThat(RpmVersions.newerLibc("libc.so.6", "libc.so.6()")).isTrue();
        assertThat(RpmVersions.newerLibc("libc.so.6(GLIBC_2.2.5)", "libc.so.6()(64bit)")).isFalse();
        assertThat(RpmVersions.newerLibc("libc.so.6(64bit)", "libc.so.6(GLIBC_2.2.5)(64bit)")).isFalse();
        assertThat(RpmVersions.newerLibc("libc.so.6(GLIBC_PRIVATE)", "libc.so.6(GLIBC_2.2.5)")).isTrue();
    }
}
