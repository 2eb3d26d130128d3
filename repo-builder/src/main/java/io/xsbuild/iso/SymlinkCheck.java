package io.xsbuild.iso;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves each symbolic link of a tree the way the kernel would once the tree is extracted
 * (following links met on the way, ".." after a link taken from the link's target) and refuses a
 * link that leads outside the tree or loops.
 */
final class SymlinkCheck {

    static final int MAX_HOPS = 40;

    private final Path iso;
    private final List<IsoEntry> entries;
    private Map<String, IsoEntry> byPath;

    SymlinkCheck(Path iso, List<IsoEntry> entries) {
        this.iso = iso;
        this.entries = entries;
    }

    void check(List<TreeWalker.Child> links) throws UnsafeIsoEntryException {
        for (TreeWalker.Child link : links) {
            String escape = escape(link.entry());
            if (escape != null) {
                throw new UnsafeIsoEntryException(iso, link.recordOffset(), link.entry().path(), escape);
            }
        }
    }

    /** Why following {@code link} leaves the tree, or null when it stays inside. */
    private String escape(IsoEntry link) {
        Deque<String> at = new ArrayDeque<>();
        push(at, link.parent());
        Deque<String> todo = new ArrayDeque<>();
        if (prepend(todo, link.symlinkTarget())) {
            return "its target '" + link.symlinkTarget() + "' is absolute";
        }
        int hops = 1;
        while (!todo.isEmpty()) {
            String component = todo.pollFirst();
            if (component.equals("..")) {
                if (at.pollLast() == null) {
                    return "its target '" + link.symlinkTarget() + "' leads above the root of the image";
                }
                continue;
            }
            at.addLast(component);
            IsoEntry met = lookup(String.join("/", at));
            if (met != null && met.isSymlink()) {
                if (++hops > MAX_HOPS) {
                    return "its target '" + link.symlinkTarget() + "' goes through more than " + MAX_HOPS + " links";
                }
                at.pollLast();
                if (prepend(todo, met.symlinkTarget())) {
                    return "its target '" + link.symlinkTarget() + "' goes through the absolute link " + met.path();
                }
            }
        }
        return null;
    }

    private IsoEntry lookup(String path) {
        if (byPath == null) {
            byPath = new HashMap<>();
            for (IsoEntry entry : entries) {
                byPath.put(entry.path(), entry);
            }
        }
        return byPath.get(path);
    }

    private static void push(Deque<String> components, String path) {
        for (String c : path.split("/")) {
            if (!c.isEmpty()) {
                components.addLast(c);
            }
        }
    }

    /** Puts the components of {@code target} in front of {@code todo}; true when the target is absolute. */
    private static boolean prepend(Deque<String> todo, String target) {
        String[] parts = target.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                todo.addFirst(parts[i]);
            }
        }
        return target.startsWith("/");
    }
}
