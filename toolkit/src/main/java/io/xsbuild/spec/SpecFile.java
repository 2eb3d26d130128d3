package io.xsbuild.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec file as lines, with what xsbuild reads of its main package's preamble (the lines before the
 * first section such as {@code %package}, {@code %description} or {@code %prep}): the tag lines, and
 * the {@code %define}/{@code %global} macros without arguments. Rewriting a tag changes that one line
 * and nothing else. Macros defined under {@code %if} are taken as if the condition held; a tag written
 * twice in the preamble (under {@code %if}/{@code %else}, say) is refused where xsbuild needs it. The file
 * is read and written byte for byte whatever its encoding (UTF-8 or Latin-1 changelogs alike).
 */
public final class SpecFile {

    private static final Pattern TAG = Pattern.compile("^(\\s*([A-Za-z][A-Za-z0-9]*)(?:\\([^)]*\\))?\\s*:\\s*)(.*?)(\\s*)$");
    private static final Pattern DEFINE = Pattern.compile("^\\s*%(?:define|global)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+(.*?)\\s*$");
    private static final Pattern SECTION = Pattern.compile("^%(package|description|prep|build|install|check|clean|files"
            + "|changelog|pre|post|preun|postun|pretrans|posttrans|preuntrans|postuntrans|verifyscript|trigger\\w*"
            + "|filetrigger\\w*|transfiletrigger\\w*|generate_buildrequires|conf|sourcelist|patchlist)\\b");
    private static final List<String> TAGS_AS_MACROS = List.of("name", "version", "release", "epoch", "summary", "license", "url");

    private final Path path;
    private final List<String> lines;
    private final String text;

    private SpecFile(Path path, String text) {
        this.path = path;
        this.text = text;
        this.lines = List.of(text.split("\n", -1));
    }

    public static SpecFile read(Path path) throws SpecException {
        try {
            return parse(path, Files.readString(path, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new SpecException(path, "Cannot read the spec " + path + ": " + e.getMessage(), null);
        }
    }

    public static SpecFile parse(Path path, String text) {
        return new SpecFile(path, text);
    }

    /** Writes the spec to {@code target}, its bytes as read but for the lines rewritten. */
    public void write(Path target) throws IOException {
        Files.writeString(target, text, StandardCharsets.ISO_8859_1);
    }

    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** One {@code Tag: value} line of the preamble; {@code line} counts from 0. */
    public record TagLine(int line, String tag, String value) {
    }

    private int preambleEnd() {
        for (int i = 0; i < lines.size(); i++) {
            if (SECTION.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return lines.size();
    }

    /** Every tag line of the main package's preamble, in order. */
    public List<TagLine> tags() {
        List<TagLine> tags = new ArrayList<>();
        for (int i = 0, end = preambleEnd(); i < end; i++) {
            Matcher m = TAG.matcher(lines.get(i));
            if (m.matches()) {
                tags.add(new TagLine(i, m.group(2), m.group(3)));
            }
        }
        return tags;
    }

    /** The one line of tag {@code tag} (case-insensitive; {@code Source} counts as {@code Source0}), if any. */
    public Optional<TagLine> tag(String tag) throws SpecException {
        String wanted = canonical(tag);
        List<TagLine> found = tags().stream().filter(t -> canonical(t.tag()).equals(wanted)).toList();
        if (found.size() > 1) {
            throw new SpecException(path, path.getFileName() + " sets " + tag + " " + found.size() + " times in its preamble (lines "
                    + String.join(", ", found.stream().map(t -> String.valueOf(t.line() + 1)).toList()) + ")",
                    "xsbuild rewrites specs that set it once; move the %if into a macro the line uses");
        }
        return found.stream().findFirst();
    }

    /** The value of tag {@code tag}, which the spec must set. */
    public TagLine required(String tag) throws SpecException {
        return tag(tag).orElseThrow(() -> new SpecException(path, path.getFileName() + " has no " + tag + ": line in its preamble",
                "add one, e.g. " + tag + ": " + example(tag)));
    }

    private static String example(String tag) {
        return switch (canonical(tag)) {
            case "source0" -> "%{name}-%{version}.tar.gz";
            case "release" -> "1%{?dist}";
            default -> "...";
        };
    }

    private static String canonical(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        return t.equals("source") || t.equals("patch") ? t + "0" : t;
    }

    /** The macros rpm would know after the preamble: its simple definitions and the tags it defines as macros. */
    public Macros macros() {
        Map<String, String> defs = new HashMap<>();
        for (int i = 0, end = preambleEnd(); i < end; i++) {
            Matcher m = DEFINE.matcher(lines.get(i));
            if (m.matches()) {
                defs.put(m.group(1), m.group(2));
            }
        }
        for (TagLine t : tags()) {
            String name = t.tag().toLowerCase(Locale.ROOT);
            if (TAGS_AS_MACROS.contains(name)) {
                defs.put(name, t.value());
            }
        }
        return new Macros(defs);
    }

    /** The value of {@code tag} with its macros expanded; an unexpandable value is a one-line error. */
    public String expanded(String tag) throws SpecException {
        TagLine line = required(tag);
        try {
            return macros().expand(line.value());
        } catch (Macros.UnexpandableException e) {
            throw new SpecException(path, "Cannot evaluate " + line.tag() + " of " + path.getFileName() + " (line "
                    + (line.line() + 1) + ": " + line.value() + "): " + e.getMessage(),
                    "use literal values or simple %define/%global macros there");
        }
    }

    /** A copy with the one line of {@code tag} set to {@code value}, everything else byte for byte the same. */
    public SpecFile withTag(String tag, String value) throws SpecException {
        TagLine line = required(tag);
        Matcher m = TAG.matcher(lines.get(line.line()));
        if (!m.matches()) {
            throw new IllegalStateException("line " + line.line() + " was a tag line");
        }
        List<String> changed = new ArrayList<>(lines);
        changed.set(line.line(), m.group(1) + value + m.group(4));
        return new SpecFile(path, String.join("\n", changed));
    }

    /** The file names of every Source and Patch but Source0, as rpmbuild looks for them in SOURCES. */
    public List<String> otherSourceFiles() throws SpecException {
        List<String> files = new ArrayList<>();
        for (TagLine t : tags()) {
            String tag = canonical(t.tag());
            if ((tag.startsWith("source") || tag.startsWith("patch")) && !tag.equals("source0")
                    && tag.substring(tag.startsWith("source") ? 6 : 5).matches("\\d+")) {
                files.add(baseName(expanded(t.tag())));
            }
        }
        return files;
    }

    /** The file name rpmbuild expects for Source0: the last path segment of its expanded URL. */
    public String source0File() throws SpecException {
        return baseName(expanded("Source0"));
    }

    private static String baseName(String urlOrPath) {
        return urlOrPath.substring(urlOrPath.lastIndexOf('/') + 1);
    }
}
