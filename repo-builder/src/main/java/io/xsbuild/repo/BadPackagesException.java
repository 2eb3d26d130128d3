package io.xsbuild.repo;

import io.xsbuild.error.Phrase;
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
        super(Kind.FAILED, Phrase.of(message(where, outcome, packages)), Phrase.of("fix or remove ", them(packages),
                ", or pass ", RepoOptions.Field.SKIP_BAD, " to publish without ", them(packages)), null);
        this.packages = List.copyOf(packages);
    }

    public List<BadPackageException> packages() {
        return packages;
    }

    private static String them(List<BadPackageException> packages) {
        return packages.size() == 1 ? "it" : "them";
    }

    private static String message(String where, String outcome, List<BadPackageException> packages) {
        return packages.size() + " bad package" + (packages.size() == 1 ? "" : "s") + " in " + where + ", " + outcome + ": "
                + packages.stream().map(BadPackageException::getMessage).collect(Collectors.joining("; "));
    }
}
