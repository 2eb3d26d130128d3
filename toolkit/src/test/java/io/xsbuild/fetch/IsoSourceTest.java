package io.xsbuild.fetch;

import io.xsbuild.error.UsageException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IsoSourceTest {

    static final Path CWD = Path.of("/work/here");

    @Test
    void tellsUrlsCoordinatesAndPathsApart() throws UsageException {
        assertThat(IsoSource.parse("https://example.com/isos/binpkg.iso", CWD))
                .isEqualTo(new IsoSource.Http("https://example.com/isos/binpkg.iso", URI.create("https://example.com/isos/binpkg.iso")));
        assertThat(IsoSource.parse("com.xenserver:binpkg:8.4.0", CWD)).isEqualTo(new IsoSource.Maven("com.xenserver:binpkg:8.4.0",
                new MavenCoordinates("com.xenserver", "binpkg", "8.4.0", "iso", "")));
        assertThat(IsoSource.parse("com.xenserver:sources:8.4.0-1:iso.xz:src", CWD)).isEqualTo(new IsoSource.Maven(
                "com.xenserver:sources:8.4.0-1:iso.xz:src", new MavenCoordinates("com.xenserver", "sources", "8.4.0-1", "iso.xz", "src")));
        assertThat(IsoSource.parse("isos/binpkg.iso", CWD)).isEqualTo(new IsoSource.Local("isos/binpkg.iso", Path.of("/work/here/isos/binpkg.iso")));
        assertThat(IsoSource.parse("./a:b:c", CWD)).isInstanceOf(IsoSource.Local.class);
        assertThat(IsoSource.parse("a:b", CWD)).isInstanceOf(IsoSource.Local.class);
        assertThat(IsoSource.parse("/abs/x.iso", CWD)).isEqualTo(new IsoSource.Local("/abs/x.iso", Path.of("/abs/x.iso")));
    }

    @Test
    void refusesWhatItCannotFetch() {
        assertThat(catchThrowableOfType(UsageException.class, () -> IsoSource.parse("ftp://example.com/x.iso", CWD)).getMessage())
                .isEqualTo("the ISO source ftp://example.com/x.iso uses a scheme xsbuild does not fetch from");
        assertThat(catchThrowableOfType(UsageException.class, () -> IsoSource.parse("http://exa mple.com/x.iso", CWD)).getMessage())
                .startsWith("the ISO URL http://exa mple.com/x.iso is not a valid URL");
        assertThat(catchThrowableOfType(UsageException.class, () -> IsoSource.parse("https:///x.iso", CWD)).getMessage())
                .contains("names no host");
    }

    @Test
    void printsCoordinatesWithTheirExtension() {
        assertThat(MavenCoordinates.parse("g:a:1")).hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo("g:a:1:iso"));
        assertThat(MavenCoordinates.parse("g:a:1:iso:src")).hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo("g:a:1:iso:src"));
        assertThat(MavenCoordinates.parse("g::1")).isEmpty();
        assertThat(MavenCoordinates.parse("g:a:1:b:c:d")).isEmpty();
    }
}
