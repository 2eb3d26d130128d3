package io.xsbuild.build;

/**
 * A package file a build left in the output directory.
 *
 * @param path  where it is, relative to the output directory ("RPMS/x86_64/foo-1.0-1.x86_64.rpm")
 * @param nevra name-[epoch:]version-release.arch, from its header
 */
public record Artifact(String path, String nevra, String sha256, long size) {
}
