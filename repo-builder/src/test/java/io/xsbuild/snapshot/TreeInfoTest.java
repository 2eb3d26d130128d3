package io.xsbuild.snapshot;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TreeInfoTest {

    static final Path ISO = Path.of("/isos/binpkg.iso");

    /** The shape of XenServer/Citrix Hypervisor 7.x-8.2 ISOs (xcp-ng create-install-image templates/iso/8.2). */
    static final String V8_2 = """
            [platform]
            name = XCP
            version = 3.2.1

            [branding]
            name = XenServer
            version = 8.2.1

            [build]
            number = release/yangtze/master/58

            [keys]
            key1 = RPM-GPG-KEY-CH-8
            key2 = RPM-GPG-KEY-CH-8-LCM

            [general]
            name = XenServer-8.2.1
            family = XenServer
            timestamp = 1600000000
            variant =
            version = 8.2.1
            packagedir =
            arch = x86_64
            """;

    /** The shape of 8.3 and later ISOs (templates/iso/8.3): the product in [system-v1]. */
    static final String V8_3 = """
            [system-v1]
            platform_name = XCP
            platform_version = 3.4.0
            product_name = XenServer
            product_version = 8.4.0

            [build]
            number = cloud
            [keys]
            key1 = RPM-GPG-KEY-xs

            [general]
            family = XenServer
            arch = x86_64
            """;

    private static TreeInfo parse(String text) throws IsoMetadataException {
        return TreeInfo.parse(ISO, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsThePlatformBrandingAndBuildSections() throws IsoMetadataException {
        TreeInfo info = parse(V8_2);
        assertThat(info.product()).isEqualTo(new ProductInfo("XenServer", "8.2.1", "XCP", "3.2.1", "release/yangtze/master/58"));
        assertThat(info.family()).isEqualTo("XenServer");
        assertThat(info.arch()).isEqualTo("x86_64");
        assertThat(info.keyFiles()).containsExactly("RPM-GPG-KEY-CH-8", "RPM-GPG-KEY-CH-8-LCM");
        assertThat(info.sections().get("general")).containsEntry("variant", "").containsEntry("timestamp", "1600000000");
    }

    @Test
    void readsTheSystemV1SectionOf8x() throws IsoMetadataException {
        assertThat(parse(V8_3).product()).isEqualTo(new ProductInfo("XenServer", "8.4.0", "XCP", "3.4.0", "cloud"));
    }

    @Test
    void prefersSystemV1AndAcceptsOtherSpellings() throws IsoMetadataException {
        TreeInfo info = parse("""
                [branding]
                product_brand = Old
                product_version = 1.0
                [system-v1]
                product_brand = New
                build_number = 42
                """);
        assertThat(info.product()).isEqualTo(new ProductInfo("New", "1.0", null, null, "42"));
        assertThat(parse("[general]\nfamily = X\n").product()).isEqualTo(ProductInfo.UNKNOWN);
    }

    @Test
    void readsIniAsConfigparserDoes() throws IsoMetadataException {
        TreeInfo info = parse("\uFEFF# comment\r\n; another\r\n[Build]\r\n[build]\r\nNumber: 7\r\n[general]\r\nfamily = Xen\r\n  Server\r\n");
        assertThat(info.product().buildNumber()).isEqualTo("7");
        assertThat(info.family()).isEqualTo("Xen\nServer");
        assertThat(info.sections()).containsKeys("Build", "build");
    }

    @Test
    void namesTheLineItCannotRead() {
        IsoMetadataException e = catchThrowableOfType(IsoMetadataException.class, () -> parse("[platform]\nname XCP\n"));
        assertThat(e.getMessage()).isEqualTo("ISO /isos/binpkg.iso: .treeinfo: line 2: expected 'key = value', found 'name XCP'");
        assertThat(catchThrowableOfType(IsoMetadataException.class, () -> parse("name = XCP\n")).getMessage())
                .contains("line 1: a key before the first [section]");
        assertThat(catchThrowableOfType(IsoMetadataException.class, () -> parse("[]\n")).getMessage()).contains("line 1");
    }
}
