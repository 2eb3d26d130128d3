package io.xsbuild.repository;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoFileTest {

    private static final String TEXT = """
            # a comment
            [base]
            name=CentOS-7.9.2009 - Base
            baseurl=http://vault.centos.org/7.9.2009/os/$basearch/
                    http://mirror.example/7.9.2009/os/$basearch/
            gpgcheck = 1
            exclude: ocaml*

            ; another comment
            [epel]
            Enabled=0
            priority=5
            """;

    @Test
    void sectionsOptionsContinuationLinesAndBothSeparatorsAreRead() {
        RepoFile file = RepoFile.parse("x.repo", TEXT);
        assertThat(file.sections()).extracting(RepoFile.Section::id).containsExactly("base", "epel");
        RepoFile.Section base = file.sections().get(0);
        assertThat(base.options()).containsEntry("gpgcheck", "1").containsEntry("exclude", "ocaml*")
                .containsEntry("baseurl", "http://vault.centos.org/7.9.2009/os/$basearch/\n http://mirror.example/7.9.2009/os/$basearch/");
        assertThat(base.enabled()).isTrue();
        assertThat(base.priority()).isEqualTo(RepoFile.DEFAULT_PRIORITY);
        RepoFile.Section epel = file.sections().get(1);
        assertThat(epel.enabled()).isFalse();
        assertThat(epel.priority()).isEqualTo(5);
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        RepoFile file = RepoFile.parse("x.repo", TEXT);
        RepoFile again = RepoFile.parse("x.repo", file.text());
        assertThat(again).isEqualTo(file);
        assertThat(file.map(s -> s.with("enabled", "1")).sections()).allSatisfy(s -> assertThat(s.enabled()).isTrue());
    }

    @Test
    void aLineThatIsNoOptionIsRefusedByNumber() {
        assertThatThrownBy(() -> RepoFile.parse("bad.repo", "[a]\nbaseurl=x\nnonsense\n"))
                .hasMessage("bad.repo line 3: expected [id] or key=value, not 'nonsense'");
        assertThatThrownBy(() -> RepoFile.parse("bad.repo", "baseurl=x\n"))
                .hasMessageContaining("bad.repo line 1");
    }
}
