package io.xsbuild.build.source;

/** How {@code xsbuild build} versions a checkout's package ({@code --versioning}). */
public enum Versioning {
    /**
     * {@link #SPEC} for a package repository (its spec in {@code SPECS/}, its Source0 in the {@code SOURCES/}
     * beside, as XCP-ng's are laid out), {@link #DESCRIBE} otherwise.
     */
    AUTO,
    /** The spec's Release gets {@code +s0+} and {@code git describe}, as XenServer's builds did. */
    DESCRIBE,
    /** The spec is built as it is: its Version and Release kept. */
    SPEC
}
