package io.xsbuild.iso;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal ISO9660 writer for images no tool would make: hostile ones and sparse giants. Blocks
 * are placed by the test; records, descriptors and SUSP entries are encoded as {@link IsoWriter}
 * encodes them; the file is written sparse, so a volume of gigabytes costs nothing.
 */
final class CraftedIso {

    static final int SECTOR = 2048;
    static final int PVD = 16 * SECTOR;
    /** The date of every record and descriptor. */
    static final Instant DATE = Instant.parse("2021-03-04T05:06:07Z");

    private final long blocks;
    private final List<Write> writes = new ArrayList<>();
    private final Map<String, Long> recordOffsets = new HashMap<>();
    private int blockSize = SECTOR;
    private long fileLength = -1;
    private long[] primaryRoot;
    private long[] jolietRoot;

    private record Write(long offset, byte[] bytes) {
    }

    /** One directory record. {@code lengthBigEndian} differs from {@code length} only to test that check. */
    record Rec(byte[] identifier, long block, long length, long lengthBigEndian, int flags, byte[] systemUse) {

        static Rec self(long block, long length, byte[]... su) {
            return new Rec(new byte[] {0}, block, length, length, 2, Susp.concat(su));
        }

        static Rec parent(long block, long length, byte[]... su) {
            return new Rec(new byte[] {1}, block, length, length, 2, Susp.concat(su));
        }

        static Rec file(String isoName, long block, long length, byte[]... su) {
            return new Rec(isoName.getBytes(StandardCharsets.ISO_8859_1), block, length, length, 0, Susp.concat(su));
        }

        static Rec dir(String isoName, long block, long length, byte[]... su) {
            return new Rec(isoName.getBytes(StandardCharsets.ISO_8859_1), block, length, length, 2, Susp.concat(su));
        }

        static Rec joliet(String name, long block, long length, int flags) {
            return new Rec(name.getBytes(StandardCharsets.UTF_16BE), block, length, length, flags, new byte[0]);
        }

        Rec flags(int newFlags) {
            return new Rec(identifier, block, length, lengthBigEndian, newFlags, systemUse);
        }

        Rec lyingBigEndian(long value) {
            return new Rec(identifier, block, length, value, flags, systemUse);
        }

        byte[] bytes() {
            byte[] r = DirectoryRecord.encode(identifier, block, length, DATE, flags, systemUse);
            Fields.be32(r, 14, lengthBigEndian);
            return r;
        }
    }

    CraftedIso(long blocks) {
        this.blocks = blocks;
    }

    /** The primary descriptor, with the root directory at {@code rootBlock}. */
    CraftedIso primary(long rootBlock, long rootLength) {
        primaryRoot = new long[] {rootBlock, rootLength};
        return this;
    }

    /** A Joliet supplementary descriptor, with its root directory at {@code rootBlock}. */
    CraftedIso joliet(long rootBlock, long rootLength) {
        jolietRoot = new long[] {rootBlock, rootLength};
        return this;
    }

    /** Records packed into the sectors from {@code block} on, as a directory extent. */
    CraftedIso directory(long block, Rec... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int inSector = 0;
        for (Rec rec : records) {
            byte[] r = rec.bytes();
            if (inSector + r.length > SECTOR) {
                out.writeBytes(new byte[SECTOR - inSector]);
                inSector = 0;
            }
            String name = new String(rec.identifier(), rec.identifier().length > 1 && rec.identifier()[0] == 0
                    ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
            recordOffsets.putIfAbsent(name, block * SECTOR + out.size());
            out.writeBytes(r);
            inSector += r.length;
        }
        return bytes(block * SECTOR, out.toByteArray());
    }

    CraftedIso bytes(long offset, byte[] bytes) {
        writes.add(new Write(offset, bytes));
        return this;
    }

    CraftedIso blockSize(int size) {
        blockSize = size;
        return this;
    }

    /** Makes the file shorter (or longer) than the volume it claims. */
    CraftedIso fileLength(long length) {
        fileLength = length;
        return this;
    }

    /** The image offset of the first record written with {@code identifier}. */
    long offsetOf(String identifier) {
        Long offset = recordOffsets.get(identifier);
        if (offset == null) {
            throw new IllegalArgumentException("no record " + identifier);
        }
        return offset;
    }

    Path write(Path file) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(fileLength >= 0 ? fileLength : blocks * SECTOR);
            List<Write> all = new ArrayList<>(writes);
            all.add(new Write(PVD, descriptor(false, primaryRoot[0], primaryRoot[1])));
            if (jolietRoot != null) {
                all.add(new Write(PVD + SECTOR, descriptor(true, jolietRoot[0], jolietRoot[1])));
            }
            all.add(new Write(PVD + (jolietRoot != null ? 2 : 1) * SECTOR, VolumeDescriptors.terminator()));
            for (Write w : all) {
                if (w.offset() + w.bytes().length <= out.length()) {
                    out.seek(w.offset());
                    out.write(w.bytes());
                }
            }
        }
        return file;
    }

    private byte[] descriptor(boolean joliet, long rootBlock, long rootLength) {
        byte[] d = VolumeDescriptors.encode(joliet, "CRAFTED", DATE, null, blocks, 0, 0, 0, Rec.self(rootBlock, rootLength).bytes());
        Fields.both16(d, 128, blockSize);
        return d;
    }

    /** SUSP and Rock Ridge entries, as bytes to put in a record's system use area. */
    static final class Susp {

        private Susp() {
        }

        static byte[] entry(String sig, byte[] data) {
            return SystemUse.entry(sig, data);
        }

        /** SP and an ER naming RRIP_1991A (no description, to leave room): what the root's "." record carries. */
        static byte[] rockRidgeRoot() {
            return concat(SystemUse.sp(), SystemUse.er("RRIP_1991A", "", ""));
        }

        static byte[] nm(String name) {
            return nm(0, name.getBytes(StandardCharsets.UTF_8));
        }

        static byte[] nm(int flags, byte[] name) {
            byte[] data = new byte[1 + name.length];
            data[0] = (byte) flags;
            System.arraycopy(name, 0, data, 1, name.length);
            return entry("NM", data);
        }

        static byte[] px(int mode) {
            return SystemUse.px(mode, 1);
        }

        /** An SL entry of plain components: "" makes the root component, "." and ".." their flags. */
        static byte[] sl(String... components) {
            byte[][] parts = new byte[components.length][];
            for (int i = 0; i < components.length; i++) {
                String c = components[i];
                parts[i] = c.isEmpty() ? component(0x08, "") : c.equals(".") ? component(0x02, "")
                        : c.equals("..") ? component(0x04, "") : component(0, c);
            }
            return sl(0, parts);
        }

        /** An SL entry with its own flags (0x01: the link continues in the next SL) and components. */
        static byte[] sl(int flags, byte[]... components) {
            return entry("SL", concat(new byte[] {(byte) flags}, concat(components)));
        }

        /** One SL component record (0x01: the component continues in the next one). */
        static byte[] component(int flags, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return concat(new byte[] {(byte) flags, (byte) bytes.length}, bytes);
        }

        static byte[] ce(long block, long offset, long length) {
            return SystemUse.ce(block, offset, length);
        }

        static byte[] cl(long block) {
            byte[] data = new byte[8];
            Fields.both32(data, 0, block);
            return entry("CL", data);
        }

        static byte[] pl(long block) {
            byte[] data = new byte[8];
            Fields.both32(data, 0, block);
            return entry("PL", data);
        }

        static byte[] re() {
            return entry("RE", new byte[0]);
        }

        static byte[] zf() {
            return entry("ZF", new byte[12]);
        }

        static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            return out.toByteArray();
        }
    }
}
