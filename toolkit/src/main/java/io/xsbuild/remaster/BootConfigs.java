package io.xsbuild.remaster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds kernel arguments to the default entry of an installer's boot configuration, where the
 * installer's kernel (dom0's, under Xen) reads them: for ISOLINUX, the entry {@code MENU DEFAULT}
 * or {@code DEFAULT} names (else the first), whose {@code APPEND} line, behind {@code mboot.c32},
 * is {@code xen.gz ARGS --- vmlinuz ARGS --- install.img}; for GRUB, the entry {@code set default}
 * names (else the first), whose first {@code module2}, {@code module} or {@code xen_module} line
 * after {@code multiboot2} or {@code xen_hypervisor} is the kernel's (or its {@code linux} line).
 * Arguments of the same names already there ({@code answerfile=...}, {@code install}) are
 * replaced, not repeated.
 */
public final class BootConfigs {

    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern GRUB_DEFAULT = Pattern.compile("^\\s*set\\s+default\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern MENUENTRY = Pattern.compile("^\\s*(menuentry|submenu)\\s+(\"([^\"]*)\"|'([^']*)'|(\\S+))(.*)$");
    private static final Pattern GRUB_ID = Pattern.compile("--id[= ]\\s*(\"([^\"]*)\"|'([^']*)'|(\\S+))");

    private BootConfigs() {
    }

    /**
     * A configuration with the arguments added.
     *
     * @param entry the entry changed (its label or title)
     * @param line  the line as it now reads
     */
    public record Patched(String text, String entry, String line) {
    }

    /** The ISOLINUX (or SYSLINUX) configuration {@code text} with {@code args} on its default entry; empty without one. */
    public static Optional<Patched> isolinux(String text, List<String> args) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        String defaultLabel = null;
        int defaultLine = -1;
        List<int[]> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String menuDefault = null;
        for (int i = 0; i < lines.size(); i++) {
            String[] w = words(lines.get(i));
            if (w.length == 0) {
                continue;
            }
            String keyword = w[0].toUpperCase(Locale.ROOT);
            if (keyword.equals("LABEL") && w.length > 1) {
                labels.add(new int[] {i, lines.size()});
                if (labels.size() > 1) {
                    labels.get(labels.size() - 2)[1] = i;
                }
                names.add(w[1]);
            } else if (keyword.equals("DEFAULT") && w.length > 1 && defaultLabel == null) {
                defaultLabel = rest(lines.get(i), 1);
                defaultLine = i;
            } else if (keyword.equals("MENU") && w.length > 1 && w[1].equalsIgnoreCase("DEFAULT") && !labels.isEmpty()) {
                menuDefault = names.get(names.size() - 1);
            }
        }
        int chosen = -1;
        String wanted = menuDefault != null ? menuDefault : defaultLabel;
        for (int k = 0; k < names.size() && wanted != null; k++) {
            if (names.get(k).equals(wanted)) {
                chosen = k;
            }
        }
        if (chosen < 0 && defaultLabel != null && menuDefault == null && !labels.isEmpty()
                && words(defaultLabel).length > 1) {
            String line = "DEFAULT " + withArgs(defaultLabel, args);
            lines.set(defaultLine, line);
            return Optional.of(new Patched(join(lines, text), "DEFAULT", line));
        }
        if (chosen < 0) {
            chosen = labels.isEmpty() ? -1 : 0;
        }
        if (chosen < 0) {
            return Optional.empty();
        }
        int from = labels.get(chosen)[0];
        int to = labels.get(chosen)[1];
        int kernel = -1;
        int append = -1;
        for (int i = from + 1; i < to; i++) {
            String[] w = words(lines.get(i));
            if (w.length == 0) {
                continue;
            }
            String keyword = w[0].toUpperCase(Locale.ROOT);
            if (kernel < 0 && (keyword.equals("KERNEL") || keyword.equals("LINUX") || keyword.equals("COM32"))) {
                kernel = i;
            } else if (append < 0 && keyword.equals("APPEND")) {
                append = i;
            }
        }
        if (kernel < 0) {
            return Optional.empty();
        }
        String image = words(lines.get(kernel)).length > 1 ? words(lines.get(kernel))[1] : "";
        boolean multiboot = image.toLowerCase(Locale.ROOT).endsWith("mboot.c32");
        String line;
        if (append < 0) {
            line = indent(lines.get(kernel)) + "APPEND " + String.join(" ", args);
            lines.add(kernel + 1, line);
        } else {
            String original = lines.get(append);
            String value = rest(original, 1);
            String keyword = words(original)[0];
            String newValue = multiboot ? withModuleArgs(value, args) : withArgs(value, args);
            line = indent(original) + keyword + " " + newValue;
            lines.set(append, line);
        }
        return Optional.of(new Patched(join(lines, text), names.get(chosen), line.strip()));
    }

    /** The GRUB configuration {@code text} with {@code args} on its default entry's kernel; empty without one. */
    public static Optional<Patched> grub(String text, List<String> args) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        String defaultValue = null;
        List<int[]> entries = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int depth = 0;
        int open = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = MENUENTRY.matcher(line);
            if (depth == 0) {
                Matcher d = GRUB_DEFAULT.matcher(line);
                if (d.find()) {
                    defaultValue = first(d, 2, 3, 4);
                }
            }
            if (depth == 0 && m.matches()) {
                open = i;
                titles.add(first(m, 3, 4, 5));
                Matcher id = GRUB_ID.matcher(m.group(6));
                ids.add(id.find() ? first(id, 2, 3, 4) : null);
            }
            depth += count(line, '{') - count(line, '}');
            if (depth <= 0 && open >= 0) {
                entries.add(new int[] {open, i});
                open = -1;
                depth = 0;
            }
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        int chosen = 0;
        if (defaultValue != null) {
            if (defaultValue.matches("\\d+")) {
                chosen = Integer.parseInt(defaultValue);
            } else {
                chosen = Math.max(titles.indexOf(defaultValue), ids.indexOf(defaultValue));
            }
            if (chosen < 0 || chosen >= entries.size()) {
                chosen = 0;
            }
        }
        int from = entries.get(chosen)[0];
        int to = entries.get(chosen)[1];
        int target = -1;
        boolean hypervisor = false;
        for (int i = from + 1; i < to && target < 0; i++) {
            String[] w = words(lines.get(i));
            if (w.length < 2) {
                continue;
            }
            switch (w[0]) {
                case "multiboot2", "multiboot", "xen_hypervisor" -> hypervisor = true;
                case "module2", "module", "xen_module" -> target = hypervisor ? i : -1;
                case "linux", "linuxefi", "linux16" -> target = hypervisor ? -1 : i;
                default -> {
                }
            }
        }
        if (target < 0) {
            return Optional.empty();
        }
        String original = lines.get(target);
        String[] w = words(original);
        String line = indent(original) + w[0] + " " + withArgs(rest(original, 1), args);
        lines.set(target, line);
        return Optional.of(new Patched(join(lines, text), titles.get(chosen), line.strip()));
    }

    /** {@code xen ARGS --- kernel ARGS --- initrd}: the arguments go to the kernel, the segment after the first "---". */
    private static String withModuleArgs(String append, List<String> args) {
        String[] segments = append.split("\\s---(\\s|$)", -1);
        if (segments.length < 2) {
            return withArgs(append, args);
        }
        segments[1] = " " + withArgs(segments[1].strip(), args) + " ";
        StringBuilder s = new StringBuilder(segments[0].stripTrailing());
        for (int i = 1; i < segments.length; i++) {
            s.append(" ---").append(i == segments.length - 1 ? " " + segments[i].strip() : segments[i].stripTrailing());
        }
        return s.toString().stripTrailing();
    }

    /** {@code commandLine} without arguments named like {@code args}, then {@code args}. */
    static String withArgs(String commandLine, List<String> args) {
        List<String> kept = new ArrayList<>();
        Matcher m = TOKEN.matcher(commandLine);
        while (m.find()) {
            String token = m.group();
            if (args.stream().noneMatch(a -> sameName(a, token))) {
                kept.add(token);
            }
        }
        kept.addAll(args);
        return String.join(" ", kept);
    }

    private static boolean sameName(String a, String b) {
        int ea = a.indexOf('=');
        int eb = b.indexOf('=');
        return (ea < 0 ? a : a.substring(0, ea)).equals(eb < 0 ? b : b.substring(0, eb));
    }

    private static String[] words(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return new String[0];
        }
        return s.split("\\s+");
    }

    /** The line after its first {@code n} words. */
    private static String rest(String line, int n) {
        Matcher m = TOKEN.matcher(line);
        int end = 0;
        for (int i = 0; i < n && m.find(); i++) {
            end = m.end();
        }
        return line.substring(end).strip();
    }

    private static String indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.substring(0, i);
    }

    private static String join(List<String> lines, String original) {
        String newline = original.contains("\r\n") ? "\r\n" : "\n";
        return String.join(newline, lines) + (original.endsWith("\n") ? newline : "");
    }

    private static int count(String line, char c) {
        String s = line;
        int hash = s.indexOf('#');
        if (hash >= 0 && s.strip().startsWith("#")) {
            return 0;
        }
        int n = 0;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == quote) {
                    quoted = false;
                }
            } else if (ch == '"' || ch == '\'') {
                quoted = true;
                quote = ch;
            } else if (ch == c) {
                n++;
            }
        }
        return n;
    }

    private static String first(Matcher m, int... groups) {
        for (int g : groups) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }
}
