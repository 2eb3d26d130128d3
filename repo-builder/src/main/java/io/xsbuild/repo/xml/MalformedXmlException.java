package io.xsbuild.repo.xml;

import java.io.IOException;

/** A document {@link XmlReader} cannot read: not XML, or XML of a kind repodata never is. */
public final class MalformedXmlException extends IOException {

    private final String problem;

    MalformedXmlException(String file, String problem) {
        super(file + " is not metadata xsbuild can read: " + problem);
        this.problem = problem;
    }

    /** What is wrong, without the file ("the document ends inside <data>"). */
    public String problem() {
        return problem;
    }
}
