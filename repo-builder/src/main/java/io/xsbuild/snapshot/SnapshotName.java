package io.xsbuild.snapshot;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A snapshot's name, which is its directory's: the one asked for, else the images' build number
 * ("release/yangtze/master/58" becomes "release-yangtze-master-58"), else the date
 * ("2025-01-31").
 */
final class SnapshotName {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

    private SnapshotName() {
    }

    static String of(String requested, ProductInfo product, LocalDate today) throws UsageException {
        if (requested != null) {
            if (!VALID.matcher(requested).matches() || requested.equals(Snapshots.CURRENT)) {
                throw new UsageException(Phrase.of(SnapshotRequest.Field.SNAPSHOT, " '", requested,
                        "' cannot name a snapshot directory"),
                        Phrase.of("give letters, digits, '.', '_', '+' and '-' (not 'current'), starting with a letter or digit"));
            }
            return requested;
        }
        String build = product.buildNumber() == null ? ""
                : product.buildNumber().replaceAll("[^A-Za-z0-9._+-]+", "-").replaceAll("^[._+-]+", "");
        if (build.length() > 128) {
            build = build.substring(0, 128);
        }
        if (build.isEmpty()) {
            return today.toString();
        }
        return build.equals(Snapshots.CURRENT) ? "build-" + build : build;
    }
}
