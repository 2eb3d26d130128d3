package io.xsbuild.remaster;

import io.xsbuild.error.Phrase;

import java.nio.file.Path;
import java.util.List;

/**
 * What a remaster made.
 *
 * @param boot     the boot setup carried over: El Torito images, MBR and GPT partitions
 * @param initrd   what went into the initrd, or null when it was left as it was
 * @param configs  the boot entries now naming the answer file
 * @param packages the packages added, or null when none were
 * @param warnings what the user should know: packages nothing installs, signatures no longer checked (they may name
 *                 settings)
 */
public record RemasterResult(Path out, String source, long bytes, double seconds, List<String> boot, Initrd initrd,
                             List<BootEntry> configs, Packages packages, List<Phrase> warnings) {

    public RemasterResult {
        boot = List.copyOf(boot);
        configs = List.copyOf(configs);
        warnings = List.copyOf(warnings);
    }

    /**
     * The initrd.
     *
     * @param compression kept as it was: gzip, bzip2, xz, lzma, zstd or uncompressed
     * @param added       the paths put into it
     * @param replaced    those of them it held already
     */
    public record Initrd(String path, String compression, List<String> added, List<String> replaced) {
        public Initrd {
            added = List.copyOf(added);
            replaced = List.copyOf(replaced);
        }
    }

    /** A boot entry changed: {@code config} (in an EFI image, "image:path"), the entry, its kernel line as it now reads. */
    public record BootEntry(String config, String entry, String line) {
    }

    /**
     * The installer repository.
     *
     * @param added    the packages added, as the repodata names them
     * @param replaced the image's packages they replaced
     * @param total    packages the new repodata lists
     */
    public record Packages(List<String> added, List<String> replaced, long total) {
        public Packages {
            added = List.copyOf(added);
            replaced = List.copyOf(replaced);
        }
    }
}
