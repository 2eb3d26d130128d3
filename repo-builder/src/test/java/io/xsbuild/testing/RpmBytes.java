package io.xsbuild.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RPM files made byte by byte, for cases no packaging tool writes: rpm 3 headers without a region,
 * rpm 6 size tags, every entry type, dribble entries, odd signature headers.
 */
public final class RpmBytes {

    private RpmBytes() {
    }

    /** A package: lead, signature header, padding, main header, payload. */
    public static byte[] rpm(int leadMajor, Header signature, Header main, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(lead(leadMajor));
        byte[] sig = signature.bytes();
        out.writeBytes(sig);
        out.writeBytes(new byte[(8 - sig.length % 8) % 8]);
        out.writeBytes(main.bytes());
        out.writeBytes(payload);
        return out.toByteArray();
    }

    public static byte[] lead(int major) {
        byte[] lead = new byte[96];
        lead[0] = (byte) 0xed;
        lead[1] = (byte) 0xab;
        lead[2] = (byte) 0xee;
        lead[3] = (byte) 0xdb;
        lead[4] = (byte) major;
        byte[] name = "crafted".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, lead, 10, name.length);
        lead[79] = 5;
        return lead;
    }

    /** A header structure with entries in the order added, optionally opened by a region entry. */
    public static final class Header {
        private record Entry(int tag, int type, int count, byte[] data, int align) {
        }

        private final int regionTag;
        private final List<Entry> entries = new ArrayList<>();

        private Header(int regionTag) {
            this.regionTag = regionTag;
        }

        /** A header opened by region entry {@code regionTag} (62 signature, 63 main), or 0 for none. */
        public static Header region(int regionTag) {
            return new Header(regionTag);
        }

        public Header string(int tag, String value) {
            return add(tag, 6, 1, zeroTerminated(value), 1);
        }

        public Header bytesString(int tag, byte[] value) {
            byte[] data = new byte[value.length + 1];
            System.arraycopy(value, 0, data, 0, value.length);
            return add(tag, 6, 1, data, 1);
        }

        public Header strings(int tag, String... values) {
            return add(tag, 8, values.length, joined(values), 1);
        }

        public Header i18n(int tag, String... values) {
            return add(tag, 9, values.length, joined(values), 1);
        }

        public Header int8(int tag, int... values) {
            byte[] data = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                data[i] = (byte) values[i];
            }
            return add(tag, 2, values.length, data, 1);
        }

        public Header chars(int tag, int... values) {
            Header h = int8(tag, values);
            Entry e = entries.remove(entries.size() - 1);
            entries.add(new Entry(e.tag(), 1, e.count(), e.data(), 1));
            return h;
        }

        public Header int16(int tag, int... values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 2);
            for (int v : values) {
                b.putShort((short) v);
            }
            return add(tag, 3, values.length, b.array(), 2);
        }

        public Header int32(int tag, long... values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 4);
            for (long v : values) {
                b.putInt((int) v);
            }
            return add(tag, 4, values.length, b.array(), 4);
        }

        public Header int64(int tag, long... values) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 8);
            for (long v : values) {
                b.putLong(v);
            }
            return add(tag, 5, values.length, b.array(), 8);
        }

        public Header bin(int tag, byte[] value) {
            return add(tag, 7, value.length, value, 1);
        }

        /** An entry with any type, count and data, aligned as {@code align} says. */
        public Header raw(int tag, int type, int count, byte[] data, int align) {
            return add(tag, type, count, data, align);
        }

        private Header add(int tag, int type, int count, byte[] data, int align) {
            entries.add(new Entry(tag, type, count, data, align));
            return this;
        }

        /** Intro, index and data store. */
        public byte[] bytes() {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            List<int[]> index = new ArrayList<>();
            for (Entry e : entries) {
                while (data.size() % e.align() != 0) {
                    data.write(0);
                }
                index.add(new int[] {e.tag(), e.type(), data.size(), e.count()});
                data.writeBytes(e.data());
            }
            int count = index.size();
            if (regionTag != 0) {
                int trailerAt = data.size();
                ByteBuffer trailer = ByteBuffer.allocate(16);
                trailer.putInt(regionTag).putInt(7).putInt(-(count + 1) * 16).putInt(16);
                data.writeBytes(trailer.array());
                index.add(0, new int[] {regionTag, 7, trailerAt, 16});
                count++;
            }
            ByteBuffer out = ByteBuffer.allocate(16 + 16 * count + data.size());
            out.put(new byte[] {(byte) 0x8e, (byte) 0xad, (byte) 0xe8, 1, 0, 0, 0, 0});
            out.putInt(count).putInt(data.size());
            for (int[] e : index) {
                out.putInt(e[0]).putInt(e[1]).putInt(e[2]).putInt(e[3]);
            }
            out.put(data.toByteArray());
            return out.array();
        }

        private static byte[] zeroTerminated(String value) {
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            byte[] data = new byte[text.length + 1];
            System.arraycopy(text, 0, data, 0, text.length);
            return data;
        }

        private static byte[] joined(String... values) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String v : values) {
                out.writeBytes(zeroTerminated(v));
            }
            return out.toByteArray();
        }
    }
}
