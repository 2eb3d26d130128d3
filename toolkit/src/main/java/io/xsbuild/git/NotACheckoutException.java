package io.xsbuild.git;

/** A path that is not inside a git work tree (or is a bare repository). */
public class NotACheckoutException extends GitException {
    public NotACheckoutException(String path, String why) {
        super(Kind.USAGE, path, path + " is not a git checkout: " + why,
                "pass a directory inside a git work tree, or a git URL", null);
    }
}
