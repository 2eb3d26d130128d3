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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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

    /**
     * @param key   its file's {@link PackageStamp#key}
     * @param block the published block that may hold it as it is, or null when it is to be read
     */
    record One(PackageFile file, long key, Block block) implements Item {
        @Override
        public int packages() {
            return 1;
        }
    }

    private final PublishedBlocks published;
    private final List<Block> blocks;
    private final RepoOptions options;
    private final Events events;
    /** The changed blocks' entries, each kept while a job of the plan still looks into it. */
    private final Map<Block, List<MetadataEntries>> expanded = new ConcurrentHashMap<>();
    private final Map<Block, AtomicInteger> lookers = new ConcurrentHashMap<>();

    private ReusableBlocks(PublishedBlocks published, RepoOptions options, Events events) {
        this.published = published;
        this.events = events;
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
            return blocks == null ? null : new ReusableBlocks(blocks, options, events);
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
        lookers.clear();
        List<Item> items = new ArrayList<>();
        int j = 0;
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
            boolean inBlock = block != null && PackageOrder.HREFS.compare(block.index().firstHref(), file.href()) <= 0;
            items.add(new One(file, keys[i], inBlock ? block : null));
            if (inBlock) {
                lookers.computeIfAbsent(block, b -> new AtomicInteger()).incrementAndGet();
            }
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

    /**
     * The job that has {@code item}: a whole block as it is; a package of a changed block from the
     * block's entries (inflated once, by the first job that needs them, on a worker) when it is there
     * as it was; any other file read.
     */
    PackagePipeline.Job job(Item item, RpmReader reader) {
        if (item instanceof Whole w) {
            Fetched f = Fetched.asPublished(w.block());
            return () -> f;
        }
        One one = (One) item;
        return () -> {
            MetadataEntries published = one.block() == null ? null : published(one);
            if (published == null) {
                return Fetched.read(one.file().read(reader));
            }
            if (published.stamp().base().equals(base())) {
                return Fetched.asPublished(published);
            }
            try {
                RpmPackage parsed = PublishedPackages.parse(published);
                return Fetched.reused(parsed.withFile(parsed.facts(), new Location(one.file().href(), base())));
            } catch (IOException e) {
                return Fetched.read(one.file().read(reader));
            }
        };
    }

    /**
     * The entries {@code one}'s block published for its file, if the file is as it was then; else
     * null. The block's entries go once the last job that looks into them has: memory holds the
     * blocks of the packages in flight, not every changed one.
     */
    private MetadataEntries published(One one) {
        List<MetadataEntries> entries = expanded.computeIfAbsent(one.block(), b -> {
            try {
                return b.entries();
            } catch (IOException e) {
                events.warn("Cannot reuse a block of the published metadata (" + e.getMessage() + "): reading its packages");
                return List.of();
            }
        });
        AtomicInteger left = lookers.get(one.block());
        if (left != null && left.decrementAndGet() == 0) {
            expanded.remove(one.block());
        }
        for (MetadataEntries e : entries) {
            if (e.stamp().href().equals(one.file().href())) {
                return e.stamp().key() == one.key() && fits(e.stamp().changelogs()) ? e : null;
            }
        }
        return null;
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
