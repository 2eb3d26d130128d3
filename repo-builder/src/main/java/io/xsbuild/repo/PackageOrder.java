package io.xsbuild.repo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order createrepo_c lists packages in: by file name, then by the directory the file is in,
 * both compared byte by byte as C's strcmp compares them (so "Zed.rpm" comes before "abc.rpm").
 */
public final class PackageOrder {

    /** Orders hrefs ("sub/dir/name.rpm", relative to the repository). */
    public static final Comparator<String> HREFS = PackageOrder::compareHrefs;

    private PackageOrder() {
    }

    /** Sorts files into this order, splitting each href into name and directory once. */
    static List<PackageFile> sort(List<PackageFile> files) {
        record Keyed(String name, String dir, PackageFile file) {
        }
        Keyed[] keyed = new Keyed[files.size()];
        for (int i = 0; i < keyed.length; i++) {
            String href = files.get(i).href();
            int slash = href.lastIndexOf('/');
            keyed[i] = new Keyed(href.substring(slash + 1), slash < 0 ? "" : href.substring(0, slash), files.get(i));
        }
        Arrays.sort(keyed, (a, b) -> {
            int byName = compareBytes(a.name(), b.name());
            return byName != 0 ? byName : compareBytes(a.dir(), b.dir());
        });
        List<PackageFile> sorted = new ArrayList<>(keyed.length);
        for (Keyed k : keyed) {
            sorted.add(k.file());
        }
        return sorted;
    }

    static int compareHrefs(String a, String b) {
        int slashA = a.lastIndexOf('/');
        int slashB = b.lastIndexOf('/');
        int byName = compareBytes(a.substring(slashA + 1), b.substring(slashB + 1));
        if (byName != 0) {
            return byName;
        }
        return compareBytes(slashA < 0 ? "" : a.substring(0, slashA), slashB < 0 ? "" : b.substring(0, slashB));
    }

    private static int compareBytes(String a, String b) {
        if (isAscii(a) && isAscii(b)) {
            return a.compareTo(b);
        }
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
