package io.xsbuild.repo;

import io.xsbuild.error.XsbuildException;
import io.xsbuild.rpm.BadPackageException;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Packages that could not be read, each named with what is wrong with it; nothing was published. */
public final class BadPackagesException extends XsbuildException {

    private final List<BadPackageException> packages;

    public BadPackagesException(Path dir, List<BadPackageException> packages) {
        this(dir.toString(), "published repodata left as it was", packages);
    }

    /**
     * @param where   where the packages are ("binpkg.iso, source.iso")
     * @param outcome what was therefore not done ("snapshot 58 not published")
     */
    public BadPackagesException(String where, String outcome, List<BadPackageException> packages) {
        super(Kind.FAILED, message(where, outcome, packages),
                "fix or remove " + (packages.size() == 1 ? "it" : "them") + ", or pass --skip-bad to publish without "
                        + (packages.size() == 1 ? "it" : "them"));
        this.packages = List.copyOf(packages);
    }

    public List<BadPackageException> packages() {
        return packages;
    }

    private static String message(String where, String outcome, List<BadPackageException> packages) {
        return packages.size() + " bad package" + (packages.size() == 1 ? "" : "s") + " in " + where + ", " + outcome + ": "
                + packages.stream().map(BadPackageException::getMessage).collect(Collectors.joining("; "));
    }
}
