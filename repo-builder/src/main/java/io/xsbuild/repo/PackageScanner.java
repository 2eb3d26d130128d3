package io.xsbuild.repo;

import io.xsbuild.event.Events;
import io.xsbuild.io.FileNames;
import io.xsbuild.rpm.header.HeaderText;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds every regular file named {@code *.rpm} under a directory, following symbolic links (a
 * link loop is not followed twice), and lists them in {@link PackageOrder}.
 *
 * <p>Hrefs are made from the names' bytes, whatever the locale: as createrepo_c writes every
 * string, UTF-8 when the bytes are UTF-8, otherwise read as ISO-8859-1 ({@link HeaderText}). Such
 * a name is published, with a warning: clients ask for the href in UTF-8, which is not the file's
 * name.
 */
final class PackageScanner {

    private PackageScanner() {
    }

    static List<PackageFile> scan(Path root, Events events) throws IOException {
        Map<PackageFile, byte[]> found = new IdentityHashMap<>();
        List<PackageFile> files = new ArrayList<>();
        String separator = root.getFileSystem().getSeparator();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".rpm")) {
                            byte[] name = FileNames.bytes(root.relativize(file));
                            String href = HeaderText.decode(name, 0, name.length);
                            if (!separator.equals("/")) {
                                href = href.replace(separator, "/");
                            }
                            if (!HeaderText.isUtf8(name, 0, name.length)) {
                                events.warn(FileNames.display(name) + ": the file name is not UTF-8; its href reads it as "
                                        + "ISO-8859-1 (" + href + "), as createrepo_c's does, a name clients ask for in "
                                        + "UTF-8 and do not find: rename the file to UTF-8");
                            }
                            PackageFile p = new PackageFile(file, href, attrs.size(),
                                    attrs.lastModifiedTime().to(TimeUnit.SECONDS));
                            found.put(p, name);
                            files.add(p);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof FileSystemLoopException) {
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }
                });
        return PackageOrder.sort(files, found::get);
    }
}
