package io.xsbuild.cli;

import io.xsbuild.container.Terminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class HostTerminalTest {

    @Test
    void withoutATtyAStepGetsTheStreamsAsTheyAreAndNoSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HostTerminal terminal = new HostTerminal(new ByteArrayInputStream("typed\n".getBytes()), out, err);
        try (Terminal.Attachment attached = terminal.attach(false)) {
            assertThat(attached.size()).isNull();
            assertThat(attached.out()).isSameAs(out);
            assertThat(attached.err()).isSameAs(err);
            assertThat(attached.in().readAllBytes()).asString().isEqualTo("typed\n");
        }
    }

    @Test
    void inputIsPassedOnAsItIsTypedNotOnceABufferIsFull() throws IOException {
        InputStream keys = new ByteArrayInputStream("ls\n".getBytes()) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                // a terminal with nothing more typed: asking for more than it has would wait
                assertThat(len).isLessThanOrEqualTo(Math.max(1, available()));
                return super.read(b, off, len);
            }
        };
        InputStream in = new HostTerminal.AsTyped(keys);
        byte[] buffer = new byte[8192];
        assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(3);
        assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(-1);
    }

    @Test
    void theSizeIsWhatSttyPrintsRowsFirst() {
        assertThat(HostTerminal.size("24 80\n")).isEqualTo(new Terminal.Size(80, 24));
        assertThat(HostTerminal.size(null)).isNull();
        assertThat(HostTerminal.size("stty: 'standard input': Inappropriate ioctl for device")).isNull();
    }
}
