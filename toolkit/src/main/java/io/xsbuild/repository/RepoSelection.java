package io.xsbuild.repository;

import io.xsbuild.io.ChecksumType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The repositories a run reads besides its profile's, checked and in priority order (the first wins, as
 * yum's {@code priority=} has it), and the repositories switched on or off.
 *
 * @param repositories {@code --local-repo} first, then each {@code --repo} in the order given
 * @param enable       ids or globs to switch on ({@code --enablerepo}), applied after {@code disable}
 * @param disable      ids or globs to switch off ({@code --disablerepo})
 */
public record RepoSelection(List<Repository> repositories, List<String> enable, List<String> disable) {

    public static final RepoSelection NONE = new RepoSelection(List.of(), List.of(), List.of());

    public RepoSelection {
        repositories = List.copyOf(repositories);
        enable = List.copyOf(enable);
        disable = List.copyOf(disable);
    }

    public boolean isEmpty() {
        return repositories.isEmpty();
    }

    /**
     * What the repositories are, as one checksum: each one's id, location and repomd.xml, and the switches.
     * A warm image made from them is found again while it stays the same.
     */
    public String digest() {
        List<String> parts = new ArrayList<>();
        for (Repository r : repositories) {
            parts.add(r.id() + "\t" + r.given() + "\t" + r.repomdSha256());
        }
        parts.add("enable\t" + String.join(",", enable));
        parts.add("disable\t" + String.join(",", disable));
        return ChecksumType.SHA256.hex(String.join("\n", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The repositories as a user is told of them, in priority order. */
    public String describe() {
        return repositories.stream().map(Repository::describe).collect(Collectors.joining(", "));
    }

    /** Whether the switches leave repository {@code id} enabled, given whether its file enables it. */
    public boolean enabled(String id, boolean byDefault) {
        boolean on = byDefault;
        for (String glob : disable) {
            if (Globs.matches(glob, id)) {
                on = false;
            }
        }
        for (String glob : enable) {
            if (Globs.matches(glob, id)) {
                on = true;
            }
        }
        return on;
    }
}
