package io.xsbuild.rpm.header;

import io.xsbuild.rpm.RpmFormatException;
import io.xsbuild.testing.RpmBytes;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderParserTest {

    /** Index and store of a crafted header, without its intro. */
    private static Header parse(RpmBytes.Header h) throws RpmFormatException {
        byte[] all = h.bytes();
        int count = ByteBuffer.wrap(all, 8, 4).getInt();
        byte[] index = Arrays.copyOfRange(all, 16, 16 + 16 * count);
        byte[] data = Arrays.copyOfRange(all, 16 + 16 * count, all.length);
        return HeaderParser.parse("header", index, data);
    }

    private static byte[] be(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    @Test
    void readsEveryTypeUnsigned() throws Exception {
        Header h = parse(RpmBytes.Header.region(63).int8(2000, 0xff).int16(2001, 0xfffe).int32(2002, 0xfffffffdL)
                .int64(2003, -1).strings(2004, "a", "", "c").i18n(2005, "x").string(2006, "s"));
        assertThat(h.number(2000, 0)).isEqualTo(255);
        assertThat(h.number(2001, 0)).isEqualTo(65534);
        assertThat(h.number(2002, 0)).isEqualTo(4294967293L);
        assertThat(h.number(2003, 0)).isEqualTo(-1);
        assertThat(h.strings(2004)).containsExactly("a", "", "c");
        assertThat(h.string(2005)).isEqualTo("x");
        assertThat(h.strings(2006)).containsExactly("s");
        assertThat(h.regionTag()).isEqualTo(63);
        assertThat(h.string(9999)).isNull();
        assertThat(h.number(9999, 7)).isEqualTo(7);
    }

    @Test
    void misalignedIntegersAreRefused() {
        assertThatThrownBy(() -> parse(RpmBytes.Header.region(0).raw(2000, 4, 1, new byte[] {0, 0, 0, 0, 0}, 1)
                .raw(2001, 4, 1, new byte[4], 1)))
                .hasMessageContaining("INT32 data at byte 5, not on a 4-byte boundary");
    }

    @Test
    void aStringWithoutItsTerminatorIsRefused() {
        assertThatThrownBy(() -> parse(RpmBytes.Header.region(0).raw(2000, 6, 1, new byte[] {'a', 'b'}, 1)))
                .hasMessageContaining("run past the end of the 2-byte data store");
    }

    @Test
    void tooManyStringsAreRefused() {
        assertThatThrownBy(() -> parse(RpmBytes.Header.region(0).raw(2000, 8, 3, new byte[] {'a', 0, 'b', 0}, 1)))
                .hasMessageContaining("has 3 STRING_ARRAY value(s) at byte 0 that run past the end");
    }

    @Test
    void aCountLargerThanTheStoreIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> parse(RpmBytes.Header.region(0).raw(2000, 5, 0x7fffffff, new byte[8], 8)))
                .hasMessageContaining("claims 2147483647 values in a 8-byte data store");
    }

    @Test
    void overlappingEntriesAreRefused() {
        byte[] index = new byte[32];
        System.arraycopy(be(2000, 4, 0, 2), 0, index, 0, 16);
        System.arraycopy(be(2001, 4, 4, 1), 0, index, 16, 16);
        assertThatThrownBy(() -> HeaderParser.parse("header", index, new byte[8]))
                .hasMessageContaining("inside the data of the entry before it");
    }

    @Test
    void unknownTypesAndReservedTagsAreRefused() {
        assertThatThrownBy(() -> HeaderParser.parse("header", be(2000, 10, 0, 1), new byte[4]))
                .hasMessageContaining("has type 10, expected 1 to 9");
        assertThatThrownBy(() -> HeaderParser.parse("header", be(2000, 0, 0, 1), new byte[4]))
                .hasMessageContaining("has type 0");
        assertThatThrownBy(() -> HeaderParser.parse("header", be(2000, 4, 0, 1, 50, 4, 4, 1), new byte[8]))
                .hasMessageContaining("entry 1 (tag 50) uses a tag number reserved for regions");
    }

    @Test
    void aRegionTrailerMustDescribeTheRegion() {
        byte[] data = new byte[20];
        System.arraycopy(be(63, 7, -16 * 5, 16), 0, data, 4, 16);
        assertThatThrownBy(() -> HeaderParser.parse("header", be(63, 7, 4, 16), data))
                .hasMessageContaining("does not describe a region of at most 1 entries");
        assertThatThrownBy(() -> HeaderParser.parse("header", be(63, 7, 8, 16), data))
                .hasMessageContaining("points at byte 8, past the 20-byte data store");
        assertThatThrownBy(() -> HeaderParser.parse("header", be(63, 4, 4, 16), data))
                .hasMessageContaining("expected BIN (7) and 16");
    }

    @Test
    void aWrongTypeForAUseIsATypedError() throws Exception {
        Header h = parse(RpmBytes.Header.region(63).bin(2000, new byte[] {1}).string(2001, "x"));
        assertThatThrownBy(() -> h.number(2000, 0)).isInstanceOf(RpmFormatException.class)
                .hasMessage("tag 2000 holds BIN data where a number was expected");
        assertThatThrownBy(() -> h.numbers(2001)).isInstanceOf(RpmFormatException.class);
    }
}
