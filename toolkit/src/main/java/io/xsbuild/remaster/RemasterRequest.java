package io.xsbuild.remaster;

import io.xsbuild.error.Setting;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code xsbuild iso remaster} is to make: {@code out}, the installer image {@code iso} with
 * packages added to its repository, an answer file and other files put into its initrd, and its
 * boot entries told to install unattended.
 *
 * @param iso            the input: a path, an http(s) URL or Maven coordinates, as {@code repo create --iso} takes
 * @param sha256         the SHA-256 the input must have, or null
 * @param addRpms        a directory of packages to add, or null
 * @param answerFile     the answer file to put into the initrd, or null
 * @param files          other files to put into the initrd
 * @param answerFilePath where the answer file goes in the initrd ("/answerfile.xml")
 * @param workers        packages read at once
 */
public record RemasterRequest(String iso, String sha256, Path out, Path addRpms, Path answerFile, List<ExtraFile> files,
                              String answerFilePath, int workers) {

    public static final String DEFAULT_ANSWER_FILE_PATH = "/answerfile.xml";

    /** A host file {@code source} to put into the initrd at {@code destination} ("/postinst.sh"). */
    public record ExtraFile(Path source, String destination) {
        public ExtraFile {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /** The fields messages name. */
    public enum Field implements Setting { OUT, ADD_RPMS, ANSWER_FILE, FILES }

    public RemasterRequest {
        Objects.requireNonNull(iso, "iso");
        Objects.requireNonNull(out, "out");
        files = List.copyOf(files);
        answerFilePath = Objects.requireNonNullElse(answerFilePath, DEFAULT_ANSWER_FILE_PATH);
        if (workers < 1) {
            workers = 1;
        }
    }
}
