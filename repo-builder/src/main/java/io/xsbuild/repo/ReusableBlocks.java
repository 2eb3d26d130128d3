package io.xsbuild.repo;

import io.xsbuild.event.Events;
import io.xsbuild.repo.PackagePipeline.Fetched;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdRecord;
import io.xsbuild.repo.xml.MetadataBlock;
import io.xsbuild.repo.xml.MetadataEntries;
import io.xsbuild.repo.xml.MetadataType;
import io.xsbuild.repo.xml.PackageStamp;
import io.xsbuild.repo.xml.PublishedBlocks;
import io.xsbuild.repo.xml.PublishedBlocks.Block;
import io.xsbuild.repo.xml.PublishedPackages;
import io.xsbuild.rpm.Location;
import io.xsbuild.rpm.RpmPackage;
import io.xsbuild.rpm.RpmReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The published metadata {@code --update} reuses when xsbuild wrote it in blocks: a block whose
 * packages are all still there, unchanged and in a row, is published again whole (copied, not
 * read, rendered or compressed again); the other packages of a block that changed are reused one
 * by one from its entries, and only new or changed files are read. Whether a package is
 * unchanged is its {@link PackageStamp#key}, made of what {@link ReusableMetadata} compares for
 * metadata written otherwise; a block says the key of all its packages together. Under another
 * base URL, no block is copied, and each package is written again from its published entries.
 */
final class ReusableBlocks {

    /** One step of an update: a whole published block, or one file, published as before or read. */
    sealed interface Item permits Whole, One {
        int packages();
    }

    record Whole(Block block) implements Item {
        @Override
        public int packages() {
            return block.packages();
        }
    }

    /** @param published its entries as published, or null when the file is to be read */
    record One(PackageFile file, MetadataEntries published) implements Item {
        @Override
        public int packages() {
            return 1;
        }
    }

    private final PublishedBlocks published;
    private final List<Block> blocks;
    private final RepoOptions options;

    private ReusableBlocks(PublishedBlocks published, RepoOptions options) {
        this.published = published;
        this.blocks = published.blocks().stream().filter(b -> b.index().stamped()).toList();
        this.options = options;
    }

    /**
     * The blocks published in {@code repoDir}, or null when the metadata there is not in blocks or
     * was not hashed as {@code options} ask (then {@link ReusableMetadata} serves).
     */
    static ReusableBlocks open(Path repoDir, RepoOptions options, Events events) {
        try {
            Repomd repomd = Repomd.read(repoDir.resolve(Repomd.PATH)).withKnownChecksums();
            for (MetadataType type : MetadataType.values()) {
                RepomdRecord r = repomd.record(type.repodataName()).orElse(null);
                if (r == null || r.knownChecksumType().orElse(null) != options.checksumType()) {
                    return null;
                }
            }
            PublishedBlocks blocks = PublishedBlocks.open(repoDir, repomd);
            return blocks == null ? null : new ReusableBlocks(blocks, options);
        } catch (IOException e) {
            events.debug("The published repodata is not read in blocks (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * What to do for {@code files} (in {@link PackageOrder}): whole blocks where every package of a
     * block is there as it was (a block that was the last only where it is the last again), and
     * one item for each other file.
     */
    List<Item> plan(List<PackageFile> files) throws IOException {
        long[] keys = new long[files.size()];
        for (int i = 0; i < keys.length; i++) {
            PackageFile f = files.get(i);
            keys[i] = PackageStamp.key(f.href(), f.size(), f.mtime(), options.checksumType());
        }
        List<Item> items = new ArrayList<>();
        int j = 0;
        Block expanded = null;
        List<MetadataEntries> entries = null;
        for (int i = 0; i < files.size(); ) {
            PackageFile file = files.get(i);
            while (j < blocks.size() && PackageOrder.HREFS.compare(blocks.get(j).index().lastHref(), file.href()) < 0) {
                j++;
            }
            Block block = j < blocks.size() ? blocks.get(j) : null;
            if (block != null && whole(block, files, keys, i)) {
                items.add(new Whole(block));
                i += block.packages();
                j++;
                continue;
            }
            MetadataEntries reused = null;
            if (block != null && PackageOrder.HREFS.compare(block.index().firstHref(), file.href()) <= 0) {
                if (expanded != block) {
                    entries = block.entries();
                    expanded = block;
                }
                for (MetadataEntries e : entries) {
                    if (e.stamp().href().equals(file.href())) {
                        reused = e.stamp().key() == keys[i] && fits(e.stamp().changelogs()) ? e : null;
                        break;
                    }
                }
            }
            items.add(new One(file, reused));
            i++;
        }
        return items;
    }

    /** Whether {@link #plan} would publish every block as it was, and nothing more. */
    boolean unchanged(List<PackageFile> files) throws IOException {
        if (published.declared() != files.size() || blocks.size() != published.blocks().size()) {
            return false;
        }
        List<Item> items = plan(files);
        return items.size() == blocks.size() && items.stream().allMatch(Whole.class::isInstance);
    }

    /** The job that has {@code item}. */
    PackagePipeline.Job job(Item item, RpmReader reader) {
        String base = base();
        if (item instanceof Whole w) {
            Fetched f = Fetched.asPublished(w.block());
            return () -> f;
        }
        One one = (One) item;
        MetadataEntries published = one.published();
        if (published == null) {
            return () -> Fetched.read(one.file().read(reader));
        }
        if (published.stamp().base().equals(base)) {
            Fetched f = Fetched.asPublished(published);
            return () -> f;
        }
        return () -> {
            try {
                RpmPackage parsed = PublishedPackages.parse(published);
                return Fetched.reused(parsed.withFile(parsed.facts(), new Location(one.file().href(), base)));
            } catch (IOException e) {
                return Fetched.read(one.file().read(reader));
            }
        };
    }

    private boolean whole(Block block, List<PackageFile> files, long[] keys, int from) {
        MetadataBlock index = block.index();
        int n = index.packages();
        if (from + n > files.size() || index.kind() == MetadataBlock.Kind.LAST && from + n != files.size()
                || !fits(index.maxChangelogs()) || !index.base().equals(base())) {
            return false;
        }
        if (!files.get(from).href().equals(index.firstHref()) || !files.get(from + n - 1).href().equals(index.lastHref())) {
            return false;
        }
        return MetadataBlock.key(Arrays.copyOfRange(keys, from, from + n)) == index.key();
    }

    private String base() {
        return options.baseUrl() == null ? "" : options.baseUrl();
    }

    private boolean fits(int changelogs) {
        return options.changelogLimit() == -1 || changelogs <= options.changelogLimit();
    }
}
