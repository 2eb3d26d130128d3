package io.xsbuild.demo;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a demo step was made from, kept beside its output: when the inputs hash the same as last
 * time, the output is still good and the step is skipped.
 */
final class InputStamp {

    static final String FILE = ".xsbuild-inputs";

    private final String hash;

    private InputStamp(String hash) {
        this.hash = hash;
    }

    /** The hash of some words and of every regular file under each path (names and contents). */
    static InputStamp of(List<String> words, List<Path> trees) throws IOException {
        StringBuilder all = new StringBuilder();
        words.forEach(w -> all.append("word ").append(w).append('\n'));
        for (Path tree : trees) {
            TreeMap<String, String> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(tree)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    if (!f.getFileName().toString().equals(FILE)) {
                        files.put(tree.relativize(f).toString(), ChecksumType.SHA256.hex(f));
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            files.forEach((name, sha) -> all.append("file ").append(name).append(' ').append(sha).append('\n'));
        }
        return new InputStamp(ChecksumType.SHA256.hex(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Whether {@code dir} was made from these inputs and finished. */
    boolean matches(Path dir) {
        Path stamp = dir.resolve(FILE);
        try {
            return Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(hash);
        } catch (IOException e) {
            return false;
        }
    }

    /** Marks {@code dir} as made from these inputs; the last thing a step does. */
    void write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(FILE), hash + "\n");
    }
}
