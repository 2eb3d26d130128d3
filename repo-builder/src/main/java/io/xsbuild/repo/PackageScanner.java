package io.xsbuild.repo;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds every regular file named {@code *.rpm} under a directory, following symbolic links (a
 * link loop is not followed twice), and lists them in {@link PackageOrder}.
 */
final class PackageScanner {

    private PackageScanner() {
    }

    static List<PackageFile> scan(Path root) throws IOException {
        List<PackageFile> found = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".rpm")) {
                            found.add(new PackageFile(file, href(root, file), attrs.size(),
                                    attrs.lastModifiedTime().to(TimeUnit.SECONDS)));
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
        return PackageOrder.sort(found);
    }

    private static String href(Path root, Path file) {
        String relative = root.relativize(file).toString();
        return file.getFileSystem().getSeparator().equals("/") ? relative : relative.replace(file.getFileSystem()
                .getSeparator(), "/");
    }
}
