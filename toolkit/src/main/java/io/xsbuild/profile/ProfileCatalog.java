package io.xsbuild.profile;

import io.xsbuild.error.UsageException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The build profiles xsbuild knows: the folders the toolkit carries ({@code dockerfiles/<name>/}), then
 * those in the user's profile directories ({@code XSBUILD_PROFILE_PATH}, a {@code :}-separated list, else
 * {@code ${XDG_CONFIG_HOME:-~/.config}/xsbuild/profiles}), a user's folder replacing a shipped one of the
 * same name. A new release is a folder: no code changes.
 *
 * <p>A folder that does not describe a profile is kept as a {@link Broken} entry: listed by
 * {@code doctor} with what is wrong, refused when chosen, and in no one else's way.
 */
public final class ProfileCatalog {

    /** Selects the default profile when {@code --profile} is not given. */
    public static final String ENV_DEFAULT = "XSBUILD_PROFILE";

    /** Directories of user profile folders, {@code :}-separated. */
    public static final String ENV_PATH = "XSBUILD_PROFILE_PATH";

    /** The checkout the toolkit runs from, which the launcher exports. */
    public static final String ENV_HOME = "XSBUILD_HOME";

    /** The profile used when neither {@code --profile} nor {@code XSBUILD_PROFILE} names one: dom0's. */
    public static final String DEFAULT = "xs8";

    public static final String TESTBASE_IMAGE = "xsbuild/testbase:bookworm";

    /** A profile folder that could not be read, and why. */
    public record Broken(String name, String location, ProfileException error) {
    }

    private static volatile ProfileCatalog shipped;

    private final List<Profile> profiles;
    private final List<Broken> broken;

    private ProfileCatalog(List<Profile> profiles, List<Broken> broken) {
        this.profiles = List.copyOf(profiles);
        this.broken = List.copyOf(broken);
    }

    /** The profiles the toolkit carries, alone. */
    public static ProfileCatalog shipped() {
        ProfileCatalog catalog = shipped;
        if (catalog == null) {
            catalog = load(Map.of());
            shipped = catalog;
        }
        return catalog;
    }

    /** The shipped profiles and those of the user whose environment is {@code env}. */
    public static ProfileCatalog load(Map<String, String> env) {
        Path home = env.get(ENV_HOME) == null || env.get(ENV_HOME).isBlank() ? null : Path.of(env.get(ENV_HOME));
        Map<String, Object> byName = new LinkedHashMap<>();
        SortedMap<String, SortedMap<String, byte[]>> folders = new TreeMap<>();
        try {
            ToolkitResources.tree(ShippedFolder.ROOT).forEach((path, bytes) -> {
                int slash = path.indexOf('/');
                if (slash > 0) {
                    folders.computeIfAbsent(path.substring(0, slash), n -> new TreeMap<>()).put(path.substring(slash + 1), bytes);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the toolkit's profiles cannot be read: " + e.getMessage(), e);
        }
        folders.forEach((name, files) -> byName.put(name, read(name, files, new ShippedFolder(name, home))));
        if (env != null && !env.isEmpty()) {
            for (Path dir : userDirectories(env)) {
                for (Path folder : subfolders(dir)) {
                    String name = folder.getFileName().toString();
                    DirectoryFolder source = new DirectoryFolder(folder);
                    try {
                        byName.put(name, read(name, source.files(), source));
                    } catch (IOException e) {
                        byName.put(name, new Broken(name, folder.toString(), new ProfileException(
                                "Cannot read the profile folder " + folder + ": " + e.getMessage(), null)));
                    }
                }
            }
        }
        List<Profile> profiles = new ArrayList<>();
        List<Broken> broken = new ArrayList<>();
        byName.values().forEach(v -> {
            if (v instanceof Profile p) {
                profiles.add(p);
            } else {
                broken.add((Broken) v);
            }
        });
        return new ProfileCatalog(profiles, broken);
    }

    private static Object read(String name, SortedMap<String, byte[]> files, ProfileFolder folder) {
        try {
            return ProfileReader.read(name, files, folder);
        } catch (ProfileException e) {
            return new Broken(name, folder.location(), e);
        }
    }

    /** The user's profile directories, first to last: {@code XSBUILD_PROFILE_PATH}, else the XDG one. */
    public static List<Path> userDirectories(Map<String, String> env) {
        String path = env.get(ENV_PATH);
        List<Path> dirs = new ArrayList<>();
        if (path != null && !path.isBlank()) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
            return dirs;
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        String home = env.get("HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            dirs.add(Path.of(xdg, "xsbuild", "profiles"));
        } else if (home != null && !home.isBlank()) {
            dirs.add(Path.of(home, ".config", "xsbuild", "profiles"));
        }
        return dirs;
    }

    private static List<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Every profile that can be used, shipped ones first, in name order within each. */
    public List<Profile> all() {
        return profiles;
    }

    /** The folders that could not be read as profiles. */
    public List<Broken> broken() {
        return broken;
    }

    public List<String> names() {
        return profiles.stream().map(Profile::name).toList();
    }

    /** The profile named, by its name or an alias; a usage error listing the known ones otherwise. */
    public Profile named(String name) throws UsageException {
        for (Profile p : profiles) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        for (Profile p : profiles) {
            if (p.aliases().contains(name)) {
                return p;
            }
        }
        for (Broken b : broken) {
            if (b.name().equals(name)) {
                throw b.error();
            }
        }
        throw new UsageException("Unknown profile '" + name + "'", "choose one of " + String.join(", ", names())
                + " (xsbuild doctor describes each)");
    }

    /** The profile to use when none is named: {@code XSBUILD_PROFILE}, else {@value #DEFAULT}, as dom0 is built. */
    public Profile defaultProfile(Map<String, String> env) throws UsageException {
        String name = env.get(ENV_DEFAULT);
        return named(name == null || name.isBlank() ? DEFAULT : name.strip());
    }
}
