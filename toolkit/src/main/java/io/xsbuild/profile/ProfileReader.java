package io.xsbuild.profile;

import io.xsbuild.repository.RepoFile;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a profile from its folder: {@code profile.properties} says what it is, each {@code *.repo} file at
 * the folder's top is a repository file the image carries, and a {@code Dockerfile}, if there is one, makes
 * the image (xsbuild's own for the package manager makes it otherwise).
 *
 * <pre>
 * description=XenServer 8 dom0: CentOS 7.9 (vault) and EPEL 7 (archive), with yum
 * aliases=el7
 * base=centos:7.9.2009
 * base-recipe=pull                  (or script:build.sh, a script in the folder)
 * package-manager=yum               (yum or dnf)
 * toolchain=rpm-build yum-utils ...
 * host-tools=                       (what base-recipe needs on the host)
 * macro.dist=.xs8                   (rpm macros of every build)
 * </pre>
 */
public final class ProfileReader {

    public static final String DESCRIPTOR = "profile.properties";
    public static final String DOCKERFILE = "Dockerfile";

    /** What a profile's name may be: it becomes part of image tags. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern MACRO = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYS = Set.of("description", "aliases", "base", "base-recipe", "package-manager",
            "toolchain", "host-tools");

    private ProfileReader() {
    }

    /**
     * The profile {@code name} whose folder holds {@code files}.
     *
     * @throws ProfileException naming the file and the key or line that is wrong
     */
    public static Profile read(String name, SortedMap<String, byte[]> files, ProfileFolder folder) throws ProfileException {
        String where = folder.display(DESCRIPTOR);
        if (!NAME.matcher(name).matches()) {
            throw new ProfileException("The profile folder " + folder.location() + " is named '" + name
                    + "', which cannot name an image", "name it with lower-case letters, digits, '.', '_' and '-'");
        }
        byte[] descriptor = files.get(DESCRIPTOR);
        if (descriptor == null) {
            throw new ProfileException("No " + DESCRIPTOR + " in " + folder.display(""), "describe the profile in "
                    + where + " (see dockerfiles/xs8/" + DESCRIPTOR + ")");
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(descriptor, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ProfileException("Cannot read " + where + ": " + e.getMessage(), null);
        }
        SortedMap<String, String> macros = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("macro.")) {
                String macro = key.substring("macro.".length());
                if (!MACRO.matcher(macro).matches()) {
                    throw new ProfileException(where + ": " + key + " does not name an rpm macro", "write macro.NAME=VALUE");
                }
                macros.put(macro, p.getProperty(key).strip());
            } else if (!KEYS.contains(key)) {
                throw new ProfileException(where + ": unknown key '" + key + "'", "the keys are "
                        + String.join(", ", KEYS.stream().sorted().toList()) + " and macro.NAME");
            }
        }
        String base = required(p, "base", where);
        BaseRecipe recipe = recipe(p.getProperty("base-recipe", "pull").strip(), files, where);
        PackageManager packageManager = packageManager(required(p, "package-manager", where), where);
        List<RepoFile> repoFiles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (var file : files.entrySet()) {
            if (file.getKey().endsWith(".repo") && !file.getKey().contains("/")) {
                RepoFile repoFile;
                try {
                    repoFile = RepoFile.parse(folder.display(file.getKey()), new String(file.getValue(), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new ProfileException(e.getMessage(), "fix the repository file");
                }
                for (RepoFile.Section section : repoFile.sections()) {
                    if (!ids.add(section.id())) {
                        throw new ProfileException(folder.display(file.getKey()) + " defines the repository '" + section.id()
                                + "' a second time", "give each repository of the profile its own id");
                    }
                }
                repoFiles.add(new RepoFile(file.getKey(), repoFile.sections()));
            }
        }
        return new Profile(name, p.getProperty("description", "").strip(), words(p.getProperty("aliases")), base, recipe,
                packageManager, words(p.getProperty("toolchain")), words(p.getProperty("host-tools")), macros, repoFiles,
                folder);
    }

    private static String required(Properties p, String key, String where) throws ProfileException {
        String value = p.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new ProfileException(where + " has no " + key, "add " + key + "=...");
        }
        return value;
    }

    private static BaseRecipe recipe(String value, SortedMap<String, byte[]> files, String where) throws ProfileException {
        if (value.equals("pull")) {
            return BaseRecipe.PULL;
        }
        if (value.startsWith("script:")) {
            String script = value.substring("script:".length()).strip();
            if (script.isEmpty() || script.contains("..") || script.startsWith("/")) {
                throw new ProfileException(where + ": base-recipe " + value + " names no script of the folder",
                        "write base-recipe=script:NAME with NAME a file beside " + DESCRIPTOR);
            }
            return new BaseRecipe(script);
        }
        throw new ProfileException(where + ": base-recipe is '" + value + "'", "write pull or script:NAME");
    }

    private static PackageManager packageManager(String value, String where) throws ProfileException {
        try {
            return PackageManager.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProfileException(where + ": package-manager is '" + value + "'", "write yum or dnf");
        }
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }
}
