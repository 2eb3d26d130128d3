package io.xsbuild.repo.xml;

import io.xsbuild.io.GzipMembers;
import io.xsbuild.io.GzipMembers.Member;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;

/**
 * Published gzip metadata as the blocks it was written in ({@link MetadataBlock}), read from the
 * members' headers alone: which packages each block holds, as its key says (a block may say
 * nothing of them: its packages are then read again), and where its member lies in each of the
 * three files. A block is inflated only when its entries are asked
 * for. Metadata not written in blocks (by createrepo_c, in another compression), or not as
 * repomd.xml's checksums say it was published, has none: {@link #open} gives null, and the metadata is then read as {@link PublishedPackages}.
 */
public final class PublishedBlocks {

    private final long declared;
    private final List<Block> blocks;

    private PublishedBlocks(long declared, List<Block> blocks) {
        this.declared = declared;
        this.blocks = List.copyOf(blocks);
    }

    /** One block of packages, its member in each file. */
    public static final class Block {
        private final MetadataBlock index;
        private final Map<MetadataType, ByteBuffer> files;
        private final Map<MetadataType, Member> members;

        private Block(MetadataBlock index, Map<MetadataType, ByteBuffer> files, Map<MetadataType, Member> members) {
            this.index = index;
            this.files = files;
            this.members = members;
        }

        public MetadataBlock.Kind kind() {
            return index.kind();
        }

        /** What its header says: its packages' hrefs at either end and keys, or none. */
        public MetadataBlock index() {
            return index;
        }

        public int packages() {
            return index.packages();
        }

        /** The published file of {@code type}, mapped. */
        public ByteBuffer file(MetadataType type) {
            return files.get(type);
        }

        /** This block's member in the file of {@code type}. */
        public Member member(MetadataType type) {
            return members.get(type);
        }

        /** Its packages' entries, inflated and split, in order, each stamped as its entries say. */
        public List<MetadataEntries> entries() throws IOException {
            Map<MetadataType, List<byte[]>> parts = new EnumMap<>(MetadataType.class);
            Inflater inflater = new Inflater(true);
            try {
                for (MetadataType type : MetadataType.values()) {
                    parts.put(type, split(type, GzipMembers.inflate(files.get(type), members.get(type), inflater),
                            packages()));
                }
            } finally {
                inflater.end();
            }
            List<MetadataEntries> entries = new ArrayList<>(packages());
            for (int i = 0; i < packages(); i++) {
                byte[] primary = parts.get(MetadataType.PRIMARY).get(i);
                byte[] other = parts.get(MetadataType.OTHER).get(i);
                entries.add(new MetadataEntries(primary, parts.get(MetadataType.FILELISTS).get(i), other,
                        PublishedPackages.stamp(primary, other)));
            }
            return entries;
        }
    }

    /** The blocks of packages, in the order the metadata lists them. */
    public List<Block> blocks() {
        return blocks;
    }

    /** The number of packages the metadata declares. */
    public long declared() {
        return declared;
    }

    /**
     * The blocks of the metadata {@code repomd} lists under {@code repoDir}, or null when it is not
     * all written in blocks as xsbuild writes them.
     */
    public static PublishedBlocks open(Path repoDir, Repomd repomd) throws IOException {
        Map<MetadataType, ByteBuffer> files = new EnumMap<>(MetadataType.class);
        Map<MetadataType, List<Member>> members = new EnumMap<>(MetadataType.class);
        Map<MetadataType, List<MetadataBlock>> indexes = new EnumMap<>(MetadataType.class);
        for (MetadataType type : MetadataType.values()) {
            RepomdRecord record = repomd.record(type.repodataName()).orElse(null);
            // a block is copied only from a file as published
            if (record == null || !record.href().endsWith(".gz") || !record.describes(repoDir)) {
                return null;
            }
            ByteBuffer file;
            try (FileChannel channel = FileChannel.open(repoDir.resolve(record.href()))) {
                if (channel.size() > Integer.MAX_VALUE) {
                    return null;
                }
                file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            }
            List<Member> list = GzipMembers.members(file);
            if (list == null || list.size() < 2) {
                return null;
            }
            List<MetadataBlock> index = new ArrayList<>(list.size());
            for (Member m : list) {
                try {
                    index.add(MetadataBlock.parse(m.payload()));
                } catch (IOException e) {
                    return null;
                }
            }
            files.put(type, file);
            members.put(type, list);
            indexes.put(type, index);
        }
        List<MetadataBlock> primary = indexes.get(MetadataType.PRIMARY);
        int n = primary.size();
        if (primary.get(0).kind() != MetadataBlock.Kind.HEAD || primary.get(n - 1).kind() != MetadataBlock.Kind.FOOT) {
            return null;
        }
        long declared = primary.get(0).packages();
        long total = 0;
        List<Block> blocks = new ArrayList<>(n - 2);
        for (int i = 1; i < n - 1; i++) {
            MetadataBlock p = primary.get(i);
            if (!p.kind().holdsPackages() || p.kind() == MetadataBlock.Kind.LAST && i != n - 2) {
                return null;
            }
            Map<MetadataType, Member> at = new EnumMap<>(MetadataType.class);
            for (MetadataType type : MetadataType.values()) {
                List<MetadataBlock> index = indexes.get(type);
                if (index.size() != n || index.get(i).kind() != p.kind() || index.get(i).packages() != p.packages()) {
                    return null;
                }
                at.put(type, members.get(type).get(i));
            }
            total += p.packages();
            blocks.add(new Block(p, files, at));
        }
        for (MetadataType type : MetadataType.values()) {
            if (indexes.get(type).get(0).packages() != declared) {
                return null;
            }
        }
        return total == declared ? new PublishedBlocks(declared, blocks) : null;
    }

    private static final byte[] START = "<package ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "</package>\n".getBytes(StandardCharsets.US_ASCII);

    /** A block's bytes cut into its {@code packages} package elements, each from its start tag to its end tag's line feed. */
    private static List<byte[]> split(MetadataType type, byte[] block, int packages) throws IOException {
        List<byte[]> entries = new ArrayList<>(packages);
        int at = 0;
        for (int i = 0; i < packages; i++) {
            int end = PublishedPackages.indexOf(block, END, at, block.length);
            if (end < 0 || !Arrays.equals(block, at, at + START.length, START, 0, START.length)) {
                throw new IOException(type.repodataName() + " metadata has a block that does not hold the "
                        + packages + " packages its header gives");
            }
            entries.add(Arrays.copyOfRange(block, at, end + END.length));
            at = end + END.length;
        }
        if (at != block.length) {
            throw new IOException(type.repodataName() + " metadata has a block that holds more than its header gives");
        }
        return entries;
    }
}
