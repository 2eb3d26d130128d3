package io.xsbuild.isorepo;

import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --iso} value taken apart: where the image comes from and, after {@code #sha256=},
 * the SHA-256 it must have. {@code --sha256 HEX} is the same for a single {@code --iso}.
 */
record IsoSpec(String source, String sha256) {

    static final String SHA256 = "#sha256=";

    static List<IsoSpec> parse(List<String> isos, String sha256) throws UsageException {
        if (isos.isEmpty()) {
            throw new UsageException(Phrase.of("no ISO to publish"),
                    Phrase.of("give one or more ", IsoRepoRequest.Field.ISOS, " PATH|URL|G:A:V"));
        }
        if (sha256 != null && isos.size() > 1) {
            throw new UsageException(Phrase.of(IsoRepoRequest.Field.SHA256, " is for a single ", IsoRepoRequest.Field.ISOS,
                    ", and ", isos.size(), " are given"),
                    Phrase.of("give each image's checksum after it: ", IsoRepoRequest.Field.ISOS, " SRC", SHA256, "HEX"));
        }
        List<IsoSpec> specs = new ArrayList<>();
        for (String iso : isos) {
            int at = iso.lastIndexOf(SHA256);
            IsoSpec spec = at < 0 ? new IsoSpec(iso, sha256) : new IsoSpec(iso.substring(0, at), iso.substring(at + SHA256.length()));
            if (at >= 0 && sha256 != null) {
                throw new UsageException(Phrase.of(IsoRepoRequest.Field.ISOS, " ", iso, " and ", IsoRepoRequest.Field.SHA256,
                        " both give its checksum"), Phrase.of("give it once"));
            }
            if (spec.source().isEmpty()) {
                throw new UsageException(Phrase.of(IsoRepoRequest.Field.ISOS, " ", iso, " names no image"),
                        Phrase.of("give ", IsoRepoRequest.Field.ISOS, " PATH|URL|G:A:V[", SHA256, "HEX]"));
            }
            specs.add(spec);
        }
        return specs;
    }
}
