package io.xsbuild.snapshot;

import io.xsbuild.error.UsageException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --whitelist FILE}: the names of the packages to publish, as their headers give them, one a
 * line; {@code #} starts a comment, blank lines are ignored.
 */
final class Whitelist {

    private static final String HINT = "give a file with one package name a line ('#' starts a comment)";

    private Whitelist() {
    }

    static Set<String> read(Path file) throws UsageException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new UsageException("whitelist " + file + " is not UTF-8 text", HINT);
        } catch (IOException e) {
            throw new UsageException("whitelist " + file + (Files.exists(file) ? " cannot be read: " + e.getMessage()
                    : " does not exist"), HINT);
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String name = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new UsageException("whitelist " + file + " line " + (i + 1) + ": '" + name
                        + "' is not a package name", HINT);
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new UsageException("whitelist " + file + " names no package", HINT);
        }
        return names;
    }
}
