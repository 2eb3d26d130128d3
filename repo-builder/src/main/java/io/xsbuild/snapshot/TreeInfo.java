package io.xsbuild.snapshot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ISO's {@code .treeinfo}, read as the XenServer installer reads it (host-installer
 * {@code repository.py}): the product from {@code [system-v1]} (8.x: {@code platform_name},
 * {@code platform_version}, {@code product_name}, {@code product_version}), else from
 * {@code [platform]} and {@code [branding]} ({@code name}, {@code version}); the build from
 * {@code [build] number}; signing keys from {@code [keys]}; the anaconda-style {@code [general]}.
 * Spellings seen in the wild ({@code product_brand}, {@code build_number}) are accepted as well.
 *
 * @param family   {@code [general] family}, or null
 * @param arch     {@code [general] arch}, or null
 * @param keyFiles the files {@code [keys]} names, in order
 * @param sections every section and key as read, for whatever else a caller wants
 */
public record TreeInfo(ProductInfo product, String family, String arch, List<String> keyFiles,
                       Map<String, Map<String, String>> sections) {

    public static final String FILE = ".treeinfo";

    public TreeInfo {
        keyFiles = List.copyOf(keyFiles);
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** Parses the bytes of {@code .treeinfo} found in {@code iso}. */
    public static TreeInfo parse(Path iso, byte[] bytes) throws IsoMetadataException {
        Ini ini;
        try {
            ini = Ini.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (Ini.SyntaxException e) {
            throw new IsoMetadataException(iso, FILE, e.getMessage(), e);
        }
        ProductInfo systemV1 = new ProductInfo(
                value(ini, "system-v1", "product_name", "product_brand"), value(ini, "system-v1", "product_version"),
                value(ini, "system-v1", "platform_name"), value(ini, "system-v1", "platform_version"),
                value(ini, "system-v1", "build_number"));
        ProductInfo legacy = new ProductInfo(
                value(ini, "branding", "name", "product_brand"), value(ini, "branding", "version", "product_version"),
                value(ini, "platform", "name", "platform_name"), value(ini, "platform", "version", "platform_version"),
                null);
        ProductInfo build = new ProductInfo(null, null, null, null, value(ini, "build", "number", "build_number"));
        List<String> keys = new ArrayList<>(ini.sections().getOrDefault("keys", Map.of()).values());
        keys.removeIf(String::isEmpty);
        return new TreeInfo(build.or(systemV1).or(legacy), value(ini, "general", "family"), value(ini, "general", "arch"),
                keys, ini.sections());
    }

    /** The first of {@code keys} present in {@code section}, or null. */
    private static String value(Ini ini, String section, String... keys) {
        for (String key : keys) {
            Optional<String> v = ini.get(section, key);
            if (v.isPresent()) {
                return v.get();
            }
        }
        return null;
    }
}
