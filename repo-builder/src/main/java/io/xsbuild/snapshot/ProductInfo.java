package io.xsbuild.snapshot;

import io.xsbuild.repo.repomd.Repomd;

import java.util.Locale;
import java.util.Optional;

/**
 * Which product an ISO belongs to, as far as the ISO says; any field may be null.
 *
 * @param productBrand    "XenServer", "Citrix Hypervisor", "XCP-ng"
 * @param productVersion  "8.2.1"
 * @param platformName    "XCP"
 * @param platformVersion "3.2.1"
 * @param buildNumber     "release/yangtze/master/58", "125380c"
 */
public record ProductInfo(String productBrand, String productVersion, String platformName, String platformVersion,
                          String buildNumber) {

    public static final ProductInfo UNKNOWN = new ProductInfo(null, null, null, null, null);

    /** Each field of this one, else of {@code other}. */
    public ProductInfo or(ProductInfo other) {
        return new ProductInfo(first(productBrand, other.productBrand), first(productVersion, other.productVersion),
                first(platformName, other.platformName), first(platformVersion, other.platformVersion),
                first(buildNumber, other.buildNumber));
    }

    /**
     * The distribution repomd.xml's tags name ({@code createrepo_c --distro}): "XenServer 8.4.0",
     * with the CPE name made from the brand and version, as NVD writes operating systems
     * ("cpe:/o:xenserver:xenserver:8.4.0"); none when the brand is unknown.
     */
    public Optional<Repomd.Distro> distro() {
        if (productBrand == null) {
            return Optional.empty();
        }
        String product = productBrand.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
        String cpe = "cpe:/o:" + product + ":" + product + (productVersion == null ? "" : ":" + productVersion.strip());
        return Optional.of(new Repomd.Distro(cpe, productBrand + (productVersion == null ? "" : " " + productVersion)));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
