package io.xsbuild.testing;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one place xsbuild deliberately writes what Debian's createrepo_c 0.17 does not: requirements
 * of %pretrans and %posttrans scriptlets carry pre="1", as createrepo_c does since 1.0. To compare
 * with an older createrepo_c, its output gets the attribute where a newer one would write it,
 * judged from the packages' own requirement flags (read with the host's rpm).
 */
public final class KnownDifferences {

    private static final long TRANSACTION = (1 << 5) | (1 << 7);
    private static final long SCRIPTLET = (1 << 6) | (1 << 9) | (1 << 10);

    private KnownDifferences() {
    }

    /** An adjustment for createrepo_c's primary.xml package elements, or none when it needs none. */
    public static Consumer<Element> forCreaterepo(Path packagesDir, List<Path> packages)
            throws IOException, InterruptedException {
        if (Createrepo.marksTransactionScriptletRequiresPre()) {
            return e -> { };
        }
        Map<String, Map<String, Boolean>> transactionOnly = transactionOnlyRequires(packagesDir, packages);
        return pkg -> {
            if (!"package".equals(pkg.getTagName()) || pkg.getElementsByTagName("location").getLength() == 0) {
                return;
            }
            String href = ((Element) pkg.getElementsByTagName("location").item(0)).getAttribute("href");
            Map<String, Boolean> names = transactionOnly.getOrDefault(href, Map.of());
            var requires = pkg.getElementsByTagNameNS("*", "requires");
            for (int i = 0; i < requires.getLength(); i++) {
                for (Node n = requires.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element entry && Boolean.TRUE.equals(names.get(key(entry.getAttribute("name"),
                            entry.getAttribute("flags"), entry.getAttribute("epoch"), entry.getAttribute("ver"),
                            entry.getAttribute("rel"))))) {
                        entry.setAttribute("pre", "1");
                    }
                }
            }
        };
    }

    /**
     * Per package href, the requirements whose every requirement in the header is a
     * transaction scriptlet's and not another scriptlet's. rpm answers for the files in the order given.
     */
    private static Map<String, Map<String, Boolean>> transactionOnlyRequires(Path packagesDir, List<Path> packages)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rpm", "-qp", "--nosignature", "--nodigest", "--qf",
                "@\\n[%{REQUIRENAME}\\t%{REQUIREFLAGS}\\t%{REQUIREVERSION}\\n]"));
        packages.forEach(p -> command.add(p.toString()));
        String out = Createrepo.exec(command);
        Map<String, Map<String, Boolean>> byHref = new HashMap<>();
        int next = 0;
        Map<String, Boolean> current = null;
        for (String line : out.split("\n")) {
            if (line.equals("@")) {
                String href = packagesDir.relativize(packages.get(next++)).toString();
                current = byHref.computeIfAbsent(href, k -> new HashMap<>());
            } else if (current != null && line.contains("\t")) {
                String[] parts = line.split("\t", -1);
                long flags = Long.parseLong(parts[1]);
                boolean only = (flags & TRANSACTION) != 0 && (flags & SCRIPTLET) == 0;
                current.merge(key(parts[0], flags, parts[2]), only, Boolean::logicalAnd);
            }
        }
        return byHref;
    }

    /** A requirement as primary.xml writes it: name, comparison, epoch, version, release. */
    private static String key(String name, String sense, String epoch, String version, String release) {
        return String.join("|", name, sense, epoch, version, release);
    }

    private static String key(String name, long flags, String evr) {
        String[] senses = {"", "", "LT", "", "GT", "", "", "", "EQ", "", "LE", "", "GE", "", "", ""};
        String sense = senses[(int) (flags & 0xf)];
        if (sense.isEmpty() || evr.isEmpty()) {
            return key(name, sense, "", "", "");
        }
        int colon = evr.indexOf(':');
        String rest = evr.substring(colon + 1);
        int dash = rest.indexOf('-');
        return key(name, sense, colon > 0 ? evr.substring(0, colon) : "0", dash < 0 ? rest : rest.substring(0, dash),
                dash < 0 ? "" : rest.substring(dash + 1));
    }
}
