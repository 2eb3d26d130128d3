package io.xsbuild.git;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracked files of a work tree as they are on disk: what git tracks (the index), with the content and
 * mode the work tree has now. Files deleted from the work tree are left out, untracked files are never in.
 */
final class WorkTree {

    /** One tracked file present in the work tree. */
    @FunctionalInterface
    interface Visitor {
        void visit(String path, FileMode mode, FileTreeIterator file, DirCacheIterator index) throws IOException;
    }

    private final Repository repo;

    WorkTree(Repository repo) {
        this.repo = repo;
    }

    void forEachTrackedFile(Visitor visitor) throws IOException {
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(new DirCacheIterator(repo.readDirCache()));
            walk.addTree(new FileTreeIterator(repo));
            walk.setRecursive(true);
            while (walk.next()) {
                DirCacheIterator index = walk.getTree(0, DirCacheIterator.class);
                FileTreeIterator file = walk.getTree(1, FileTreeIterator.class);
                if (index == null || file == null) {
                    continue;
                }
                FileMode mode = index.getEntryFileMode() == FileMode.GITLINK ? FileMode.GITLINK : file.getEntryFileMode();
                visitor.visit(walk.getPathString(), mode, file, index);
            }
        }
    }

    List<String> trackedFiles() throws IOException {
        List<String> paths = new ArrayList<>();
        forEachTrackedFile((path, mode, file, index) -> paths.add(path));
        return paths;
    }

    /**
     * Writes the tracked files as they are in the work tree into the object database, as
     * {@code git stash create} does, and returns the tree; no ref, index or file changes.
     */
    ObjectId writeTree() throws IOException {
        DirCache snapshot = DirCache.newInCore();
        DirCacheBuilder builder = snapshot.builder();
        try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
            forEachTrackedFile((path, mode, file, index) -> {
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(mode);
                if (mode == FileMode.GITLINK || !file.isModified(index.getDirCacheEntry(), true, reader)) {
                    entry.setObjectId(index.getEntryObjectId());
                } else {
                    try (InputStream in = file.openEntryStream()) {
                        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getEntryContentLength(), in));
                    }
                }
                builder.add(entry);
            });
            builder.finish();
            ObjectId tree = snapshot.writeTree(inserter);
            inserter.flush();
            return tree;
        }
    }

    /**
     * Copies the tracked files as they are in the work tree below {@code target}, keeping symlinks,
     * permissions and modification times. Submodules are not copied; their paths are returned.
     */
    List<String> copyTrackedFiles(Path target) throws IOException {
        Path root = repo.getWorkTree().toPath();
        List<String> submodules = new ArrayList<>();
        forEachTrackedFile((path, mode, file, index) -> {
            if (mode == FileMode.GITLINK) {
                submodules.add(path);
                return;
            }
            Path from = root.resolve(path);
            Path to = target.resolve(path);
            Files.createDirectories(to.getParent());
            if (mode == FileMode.SYMLINK) {
                Files.createSymbolicLink(to, Files.readSymbolicLink(from));
            } else {
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        });
        return submodules;
    }
}
