package io.xsbuild.repo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

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
        return sort(files, f -> f.href().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sorts items into this order by the bytes of their hrefs: createrepo_c compares the names the
     * file system holds, which a name that is not UTF-8 does not spell as its href does.
     */
    static <T> List<T> sort(List<T> items, Function<T, byte[]> hrefBytes) {
        record Keyed<T>(byte[] name, byte[] dir, T item) {
        }
        List<Keyed<T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            byte[] href = hrefBytes.apply(item);
            int slash = href.length - 1;
            while (slash >= 0 && href[slash] != '/') {
                slash--;
            }
            keyed.add(new Keyed<>(Arrays.copyOfRange(href, slash + 1, href.length),
                    slash < 0 ? new byte[0] : Arrays.copyOf(href, slash), item));
        }
        keyed.sort((a, b) -> {
            int byName = Arrays.compareUnsigned(a.name(), b.name());
            return byName != 0 ? byName : Arrays.compareUnsigned(a.dir(), b.dir());
        });
        List<T> sorted = new ArrayList<>(keyed.size());
        for (Keyed<T> k : keyed) {
            sorted.add(k.item());
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
