package io.xsbuild.build.output;

/**
 * A file a build left in the output directory: a package, or a file a {@code --make} build made.
 *
 * @param path  where it is, relative to the output directory ("RPMS/x86_64/foo-1.0-1.x86_64.rpm", "artifacts/bin/foo")
 * @param nevra name-[epoch:]version-release.arch, from a package's header; null for a file that is no package
 */
public record Artifact(String path, String nevra, String sha256, long size) {
}
