package io.xsbuild.build;

import io.xsbuild.git.TestRepository;

import java.nio.file.Path;

/** Real git repositories of a small package, for the tests of builds from git. */
public final class GitProjects {

    /** The package's spec: its Release is stamped, its Source0 made of the commit. */
    public static final String SPEC = """
            Name:           xsgit
            Version:        1.0
            Release:        1%{?dist}
            Summary:        A program built from git
            License:        MIT
            Source0:        %{name}-%{version}.tar.gz

            %description
            Built from git.

            %prep
            %setup -q

            %build
            make

            %install

            %files

            %changelog
            """;

    private GitProjects() {
    }

    /** The package at {@code dir}: a spec, a Makefile and a C file, tagged 0.10.0, then two more commits. */
    public static TestRepository tagged(Path dir) {
        TestRepository git = untagged(dir);
        git.annotatedTag("0.10.0");
        git.commit("hello.c", "int main(void) { return 1; }\n");
        git.commit("hello.c", "int main(void) { return 2; }\n");
        return git;
    }

    /** The package at {@code dir}, one commit and no tag. */
    public static TestRepository untagged(Path dir) {
        TestRepository git = TestRepository.init(dir);
        git.write("xsgit.spec", SPEC);
        git.write("Makefile", "all:\n\tcc -o hello hello.c\n");
        git.write("hello.c", "int main(void) { return 0; }\n");
        git.commitAll("xsgit");
        return git;
    }
}
