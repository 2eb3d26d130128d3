package io.xsbuild.iso;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boot setup of an image, restated in terms of its tree so that {@link IsoWriter} can give an
 * image written from that tree the same setup: each El Torito image named by the file it is (or
 * by its distance from the end, in a partition appended after the volume), whether it carries a
 * boot info table or GRUB 2's boot info; the system area with each MBR and GPT partition tied to
 * the start or end of the file it covers, the system area itself, or the end of the image; the
 * pointer isohybrid's MBR code loads isolinux through; the appended partitions to copy. As
 * xorriso does when it replays an image's boot setup ({@code -boot_image any replay}), the tables
 * are rebuilt, not copied.
 *
 * <p>What cannot be restated so is refused with the image and the sector named: a boot image or
 * partition that starts inside the tree but not at a file.
 *
 * @param elTorito   the El Torito setup, or null when the image has no boot record
 * @param systemArea the hybrid setup, or null when the system area is empty
 * @param catalog    the catalog's path in the tree, or null when it is hidden (or there is none)
 * @param warnings   what is left out, for the user
 */
public record BootCarryOver(ElTorito elTorito, SystemArea systemArea, String catalog, List<String> warnings,
                            List<String> summary) {

    private static final int SECTORS_PER_BLOCK = DirectoryReader.SECTOR / Gpt.SECTOR;
    private static final int GRUB2_BOOT_INFO = 512 * 5 - 12;
    private static final long SYSTEM_AREA_SECTORS = BootInfo.SYSTEM_AREA / Gpt.SECTOR;

    public BootCarryOver {
        warnings = List.copyOf(warnings);
        summary = List.copyOf(summary);
    }

    /** Reads the boot setup of {@code image} and ties it to its tree; reads the first bytes of each boot image. */
    public static BootCarryOver of(IsoImage image) throws IsoException {
        return new Planner(image).plan();
    }

    private static final class Planner {
        private final IsoImage image;
        private final Path iso;
        private final BootInfo info;
        private final Map<Long, IsoEntry> starts = new HashMap<>();
        private final Map<Long, IsoEntry> ends = new HashMap<>();
        private final Map<String, Long> startOf = new HashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> summary = new ArrayList<>();
        private final long fileSectors;
        private final long volumeSectors;
        /** Where the MBR and GPT partitions start: a partition that ends where another starts stays next to it. */
        private final java.util.Set<Long> partitionStarts = new java.util.HashSet<>();
        /** The first sector past every extent of the tree: what lies at or after it is the image's tail. */
        private long treeEnd;

        Planner(IsoImage image) throws IsoException {
            this.image = image;
            this.iso = image.path();
            this.info = image.bootInfo();
            this.fileSectors = info.fileSize() / Gpt.SECTOR;
            this.volumeSectors = info.volumeBytes() / Gpt.SECTOR;
            treeEnd = SYSTEM_AREA_SECTORS;
            for (IsoEntry e : image.entries()) {
                for (Extent x : e.extents()) {
                    treeEnd = Math.max(treeEnd, (x.offset() + x.length() + DirectoryReader.SECTOR - 1)
                            / DirectoryReader.SECTOR * SECTORS_PER_BLOCK);
                }
                if (e.isFile() && !e.extents().isEmpty()) {
                    long start = e.extents().get(0).offset() / Gpt.SECTOR;
                    starts.putIfAbsent(start, e);
                    startOf.put(e.path(), start);
                    if (e.extents().size() == 1) {
                        ends.putIfAbsent(start + (e.size() + Gpt.SECTOR - 1) / Gpt.SECTOR, e);
                    }
                }
            }
            if (info.catalog() != null) {
                treeEnd = Math.max(treeEnd, (info.catalogBlock() + 1) * SECTORS_PER_BLOCK);
            }
        }

        BootCarryOver plan() throws IsoException {
            ElTorito elTorito = null;
            String catalogPath = null;
            if (info.catalog() != null) {
                IsoEntry catalogFile = starts.get(info.catalogBlock() * SECTORS_PER_BLOCK);
                catalogPath = catalogFile == null ? null : catalogFile.path();
                elTorito = elTorito(catalogPath);
            }
            SystemArea area = info.hasSystemArea() ? systemArea(elTorito) : null;
            if (area == null && elTorito != null && elTorito.images().stream().anyMatch(i -> i.path() == null)) {
                area = new SystemArea(new byte[BootInfo.SYSTEM_AREA], SECTORS_PER_BLOCK, 0, null, List.of(), null, null,
                        appendedFor(elTorito, List.of()));
            }
            return new BootCarryOver(elTorito, area, catalogPath, warnings, summary);
        }

        private ElTorito elTorito(String catalogPath) throws IsoException {
            BootCatalog catalog = info.catalog();
            List<ElTorito.Image> images = new ArrayList<>();
            List<BootEntry> entries = catalog.entries();
            for (int i = 0; i < entries.size(); i++) {
                BootEntry e = entries.get(i);
                long sector = e.block() * SECTORS_PER_BLOCK;
                IsoEntry file = starts.get(sector);
                String platform = platform(catalog.platformOf(i));
                if (file != null) {
                    boolean table = e.noEmulation() && hasBootInfoTable(file, e.block());
                    boolean grub2 = e.noEmulation() && hasGrub2BootInfo(file, e.block());
                    images.add(new ElTorito.Image(new Anchor.FileStart(file.path()), table, grub2));
                    summary.add("El Torito " + platform + " image " + file.path() + (table ? " (boot info table)" : "")
                            + (grub2 ? " (GRUB 2 boot info)" : ""));
                } else if (sector >= treeEnd && sector < fileSectors && (fileSectors - sector) % SECTORS_PER_BLOCK == 0) {
                    images.add(new ElTorito.Image(new Anchor.FromEnd(fileSectors - sector), false, false));
                    summary.add("El Torito " + platform + " image in the partition at sector " + sector);
                } else {
                    throw new UnsupportedIsoException(iso, info.catalogBlock() * DirectoryReader.SECTOR,
                            "an El Torito " + platform + " boot image at block " + e.block()
                                    + " that is neither a file of the image nor after its tree",
                            "make the image with its boot images as files (xorriso -b/-e PATH)");
                }
            }
            return new ElTorito(catalog, catalogPath, images);
        }

        private SystemArea systemArea(ElTorito elTorito) throws IsoException {
            byte[] bytes = info.systemArea();
            List<Mbr.Entry> mbr = Mbr.entries(bytes);
            Gpt gpt = Gpt.read(iso, bytes);
            mbr.forEach(e -> partitionStarts.add(e.start()));
            if (gpt != null) {
                gpt.entries().forEach(e -> partitionStarts.add(e.first()));
            }
            if (gpt == null && bytes[Gpt.SECTOR] == 'P' && bytes[Gpt.SECTOR + 1] == 'M') {
                warnings.add("the Apple partition map of " + iso + " is not carried over (Macs that boot from it will not)");
                Arrays.fill(bytes, Gpt.SECTOR, bytes.length, (byte) 0);
            }
            Mbr.Geometry geometry = null;
            for (Mbr.Geometry candidate : List.of(Mbr.Geometry.HYBRID, new Mbr.Geometry(255, 63))) {
                if (geometry == null && mbr.stream().anyMatch(e -> Mbr.matches(e, candidate))) {
                    geometry = candidate;
                }
            }
            int align = SECTORS_PER_BLOCK;
            long alignFromEnd = 0;
            List<Mbr.Partition> partitions = new ArrayList<>();
            List<long[]> regions = new ArrayList<>();
            for (Mbr.Entry e : mbr) {
                String what = "MBR partition " + e.slot();
                Mbr.Geometry g = geometry;
                partitions.add(new Mbr.Partition(e.slot(), e.status(), e.type(), anchor(e.start(), false, what),
                        anchor(e.start() + e.sectors(), true, what), g != null && Mbr.matches(e, g)));
                regions.add(new long[] {e.start(), e.start() + e.sectors()});
                summary.add(what + ": type 0x" + Integer.toHexString(e.type()) + (e.status() == 0x80 ? ", bootable" : "")
                        + ", " + describe(e.start(), e.start() + e.sectors()));
            }
            SystemArea.BootPointer pointer = pointer(bytes, elTorito, !mbr.isEmpty() || Mbr.signed(bytes));
            Gpt.Plan plan = null;
            if (gpt != null) {
                List<Gpt.Partition> gptPartitions = new ArrayList<>();
                for (Gpt.Entry e : gpt.entries()) {
                    String what = "GPT partition " + (e.index() + 1);
                    gptPartitions.add(new Gpt.Partition(e, anchor(e.first(), false, what), anchor(e.last() + 1, true, what)));
                    regions.add(new long[] {e.first(), e.last() + 1});
                    summary.add(what + ": " + describe(e.first(), e.last() + 1));
                }
                plan = new Gpt.Plan(gpt, anchor(gpt.firstUsable(), false, "the GPT's first usable sector"),
                        anchor(gpt.lastUsable() + 1, true, "the GPT's last usable sector"), gptPartitions);
            }
            List<SystemArea.Appended> appended = appendedFor(elTorito, regions);
            if (geometry != null) {
                int cylinder = geometry.cylinderSectors();
                List<Long> candidates = new ArrayList<>();
                appended.forEach(a -> candidates.add(fileSectors - a.start().sectors()));
                candidates.add(fileSectors);
                for (long at : candidates.stream().sorted().toList()) {
                    if (at % cylinder == 0) {
                        align = cylinder;
                        alignFromEnd = fileSectors - at;
                        break;
                    }
                }
            }
            return new SystemArea(bytes, align, alignFromEnd, geometry, partitions, pointer, plan, appended);
        }

        /** The partitions that lie after the tree, each copied once, as the stretches of the image they are. */
        private List<SystemArea.Appended> appendedFor(ElTorito elTorito, List<long[]> regions) throws IsoException {
            Map<Long, long[]> byStart = new LinkedHashMap<>();
            for (long[] r : regions) {
                long start = r[0];
                long end = Math.min(r[1], fileSectors);
                if (start >= treeEnd && start < end) {
                    long[] known = byStart.get(start);
                    if (known == null || known[1] < end) {
                        byStart.put(start, new long[] {start, end});
                    }
                }
            }
            if (elTorito != null) {
                for (ElTorito.Image i : elTorito.images()) {
                    if (i.at() instanceof Anchor.FromEnd e) {
                        long sector = fileSectors - e.sectors();
                        boolean covered = byStart.values().stream().anyMatch(r -> r[0] <= sector && sector < r[1]);
                        if (!covered) {
                            throw new UnsupportedIsoException(iso, sector * Gpt.SECTOR, "an El Torito image at sector " + sector
                                    + " after the tree that no partition holds", "append the EFI image as a partition");
                        }
                    }
                }
            }
            List<SystemArea.Appended> appended = new ArrayList<>();
            for (long[] r : byStart.values()) {
                appended.add(new SystemArea.Appended(new Anchor.FromEnd(fileSectors - r[0]), iso, r[0] * Gpt.SECTOR,
                        (r[1] - r[0]) * Gpt.SECTOR));
            }
            return appended;
        }

        /**
         * The pointer isohybrid's MBR code reads isolinux from (GRUB's hybrid MBR: its image plus 4),
         * when bytes 432 to 439 hold one for a boot image; else none, and those bytes stay as they are.
         */
        private SystemArea.BootPointer pointer(byte[] bytes, ElTorito elTorito, boolean mbr) {
            if (!mbr || elTorito == null) {
                return null;
            }
            long recorded = Mbr.bootPointer(bytes);
            for (ElTorito.Image i : elTorito.images()) {
                if (i.path() == null) {
                    continue;
                }
                long sector = startOf.get(i.path());
                for (long add : new long[] {0, 4}) {
                    if (recorded == sector + add) {
                        summary.add("MBR boot pointer to " + i.path() + (add == 0 ? "" : " + " + add));
                        return new SystemArea.BootPointer(new Anchor.FileStart(i.path()), add);
                    }
                }
            }
            return null;
        }

        /** The anchor for {@code sector}, the first (or with {@code end}, the one after the last) of {@code what}. */
        private Anchor anchor(long sector, boolean end, String what) throws UnsupportedIsoException {
            if (sector <= SYSTEM_AREA_SECTORS) {
                return new Anchor.Sector(sector);
            }
            IsoEntry file = end ? ends.get(sector) : starts.get(sector);
            if (file != null) {
                return end ? new Anchor.FileEnd(file.path()) : new Anchor.FileStart(file.path());
            }
            if (end && sector == volumeSectors && sector < fileSectors && !partitionStarts.contains(sector)) {
                return new Anchor.VolumeEnd();
            }
            if (sector >= treeEnd) {
                return new Anchor.FromEnd(Math.max(0, fileSectors - sector));
            }
            throw new UnsupportedIsoException(iso, 0, what + (end ? " ending" : " starting") + " at sector " + sector
                    + ", inside the image's tree but not at " + (end ? "the end" : "the start") + " of a file",
                    "make the image with partitions that are the whole image, a file of it or appended after it");
        }

        private String describe(long start, long end) {
            IsoEntry file = starts.get(start);
            if (file != null && ends.get(end) == file) {
                return file.path();
            }
            if (start <= SYSTEM_AREA_SECTORS && end == volumeSectors && end < fileSectors) {
                return "the ISO9660 volume";
            }
            if (start <= SYSTEM_AREA_SECTORS && end >= treeEnd) {
                return "the whole image";
            }
            return start >= treeEnd ? "appended at sector " + start : "sectors " + start + " to " + end;
        }

        /** A boot info table names the primary descriptor's block, the image's own block and its length. */
        private boolean hasBootInfoTable(IsoEntry file, long block) throws IsoException {
            byte[] head = head(file, 24);
            return head.length == 24 && Mbr.u32(head, 8) == VolumeDescriptors.FIRST_BLOCK && Mbr.u32(head, 12) == block
                    && Mbr.u32(head, 16) == file.size();
        }

        private boolean hasGrub2BootInfo(IsoEntry file, long block) throws IsoException {
            byte[] head = head(file, GRUB2_BOOT_INFO + 8);
            return head.length == GRUB2_BOOT_INFO + 8 && Gpt.u64(head, GRUB2_BOOT_INFO) == block * SECTORS_PER_BLOCK + 5;
        }

        private byte[] head(IsoEntry file, int n) throws IsoException {
            try (InputStream in = image.open(file)) {
                return in.readNBytes(n);
            } catch (IOException e) {
                throw new IsoReadException(iso, e);
            }
        }

        private static String platform(int id) {
            return switch (id) {
                case BootEntry.X86 -> "BIOS";
                case BootEntry.EFI -> "UEFI";
                case 1 -> "PowerPC";
                case 2 -> "Mac";
                default -> "platform 0x" + Integer.toHexString(id);
            };
        }
    }
}
