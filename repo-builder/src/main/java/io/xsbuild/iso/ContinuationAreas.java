package io.xsbuild.iso;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static io.xsbuild.iso.DirectoryReader.SECTOR;

/**
 * The SUSP continuation areas (SUSP 1.12, 5.1) of a tree, packed into consecutive blocks from
 * {@code firstBlock}. No area crosses a block boundary; entries that do not fit in one area are
 * chained through a CE entry at its end. Where areas go depends only on their lengths, so a dry run
 * from block 0 takes exactly as many blocks as the real one.
 */
final class ContinuationAreas {

    private final long firstBlock;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ContinuationAreas(long firstBlock) {
        this.firstBlock = firstBlock;
    }

    /** Records {@code entries} in as many chained areas as they need; gives the CE entry that leads to the first. */
    byte[] spill(List<byte[]> entries) {
        List<ByteArrayOutputStream> chunks = SystemUse.split(entries, SECTOR - SystemUse.CE_LENGTH);
        int n = chunks.size();
        int[] at = new int[n];
        int[] length = new int[n];
        int position = bytes.size();
        for (int k = 0; k < n; k++) {
            length[k] = chunks.get(k).size() + (k + 1 < n ? SystemUse.CE_LENGTH : 0);
            if (position % SECTOR + length[k] > SECTOR) {
                position = blocks(position) * SECTOR;
            }
            at[k] = position;
            position += length[k];
        }
        for (int k = 0; k < n; k++) {
            bytes.writeBytes(new byte[at[k] - bytes.size()]);
            bytes.writeBytes(chunks.get(k).toByteArray());
            if (k + 1 < n) {
                bytes.writeBytes(ce(at[k + 1], length[k + 1]));
            }
        }
        return ce(at[0], length[0]);
    }

    int blocks() {
        return blocks(bytes.size());
    }

    /** Every area, in whole blocks. */
    byte[] toByteArray() {
        byte[] all = new byte[blocks() * SECTOR];
        System.arraycopy(bytes.toByteArray(), 0, all, 0, bytes.size());
        return all;
    }

    private byte[] ce(int position, int length) {
        return SystemUse.ce(firstBlock + position / SECTOR, position % SECTOR, length);
    }

    private static int blocks(int bytes) {
        return (bytes + SECTOR - 1) / SECTOR;
    }
}
