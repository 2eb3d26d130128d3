package io.xsbuild.snapshot;

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

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
