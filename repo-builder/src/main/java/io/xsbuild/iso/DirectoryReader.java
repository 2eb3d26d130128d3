package io.xsbuild.iso;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the records of a directory extent, sector by sector (records never cross a sector, ECMA-119 6.8.1.1). */
final class DirectoryReader {

    static final int SECTOR = 2048;
    static final long MAX_DIRECTORY_BYTES = 16L << 20;
    private static final int CHUNK = 32 * SECTOR;

    private final ImageChannel image;
    private final long volumeEnd;

    DirectoryReader(ImageChannel image, long volumeEnd) {
        this.image = image;
        this.volumeEnd = volumeEnd;
    }

    Path iso() {
        return image.iso();
    }

    long volumeEnd() {
        return volumeEnd;
    }

    /**
     * Every record of the directory at {@code block}, "." and ".." included.
     *
     * @param referencedAt the offset of the record that points at this directory, for errors
     */
    List<DirectoryRecord> read(long block, long length, long referencedAt) throws IsoException {
        long start = checkExtent(block, length, referencedAt);
        List<DirectoryRecord> records = new ArrayList<>();
        for (long done = 0; done < length; ) {
            int n = (int) Math.min(CHUNK, length - done);
            Bytes chunk = image.read(start + done, n, "directory extent");
            for (int sector = 0; sector < n; sector += SECTOR) {
                readSector(chunk.view(sector, Math.min(SECTOR, n - sector)), records);
            }
            done += n;
        }
        return records;
    }

    /** The "." record at the start of the directory at {@code block}, which tells its length. */
    DirectoryRecord self(long block, long referencedAt) throws IsoException {
        checkExtent(block, SECTOR, referencedAt);
        Bytes sector = image.read(block * SECTOR, SECTOR, "directory extent");
        if (sector.u8(0) == 0) {
            throw new CorruptIsoException(image.iso(), block * SECTOR, "directory at block " + block + " starts with no record");
        }
        DirectoryRecord self = DirectoryRecord.parse(sector, 0);
        if (!self.isSelf() || self.block() != block) {
            throw new CorruptIsoException(image.iso(), self.offset(), "the first record of the directory at block " + block
                    + " is not its own \".\" record");
        }
        return self;
    }

    private long checkExtent(long block, long length, long referencedAt) throws IsoException {
        if (length <= 0) {
            throw new CorruptIsoException(image.iso(), referencedAt, "directory extent at block " + block + " is empty");
        }
        long start = block * SECTOR;
        if (block >= volumeEnd / SECTOR || length > volumeEnd - start) {
            throw new CorruptIsoException(image.iso(), referencedAt, "directory extent at block " + block + " of " + length
                    + " bytes runs past the end of the volume at byte " + volumeEnd);
        }
        if (length > MAX_DIRECTORY_BYTES) {
            throw new UnsupportedIsoException(image.iso(), referencedAt, "a directory of " + length + " bytes",
                    "xsbuild reads directories of up to " + MAX_DIRECTORY_BYTES + " bytes; split the directory");
        }
        return start;
    }

    private static void readSector(Bytes sector, List<DirectoryRecord> records) throws CorruptIsoException {
        int pos = 0;
        while (pos < sector.length()) {
            int length = sector.u8(pos);
            if (length == 0) {
                return;
            }
            DirectoryRecord record = DirectoryRecord.parse(sector, pos);
            records.add(record);
            pos += record.length();
        }
    }
}
