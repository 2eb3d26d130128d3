package io.xsbuild.repo.xml;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlReaderTest {

    private static XmlReader reader(String xml) {
        return new XmlReader("t.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every event as a line: "START a x=1", "TEXT ...", "END a". */
    private static List<String> events(String xml) throws IOException {
        List<String> events = new ArrayList<>();
        XmlReader r = reader(xml);
        for (XmlReader.Event e = r.next(); e != XmlReader.Event.END_DOCUMENT; e = r.next()) {
            switch (e) {
                case START -> events.add("START " + r.name() + " " + r.depth()
                        + (r.attribute("a") == null ? "" : " a=" + r.attribute("a")));
                case END -> events.add("END " + r.name() + " " + r.depth());
                case TEXT -> events.add("TEXT " + r.text());
                default -> throw new AssertionError(e);
            }
        }
        return events;
    }

    @Test
    void readsElementsAttributesAndText() throws IOException {
        assertThat(events("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r><rpm:e a='1'/><t a=\"x &amp; y\">hi</t></r>"))
                .containsExactly("START r 1", "START rpm:e 2 a=1", "END rpm:e 1", "START t 2 a=x & y", "TEXT hi",
                        "END t 1", "END r 0");
    }

    @Test
    void resolvesEntitiesAndCharacterReferencesAndNormalisesAsXmlSays() throws IOException {
        XmlReader r = reader("<r a=\"&lt;&gt;&quot;&apos;&#10;&#x1F600;&#xE1;\tx\ny\">a&#13;\r\nb\rc <![CDATA[<raw & text>]]><!-- no -->d</r>");
        assertThat(r.next()).isEqualTo(XmlReader.Event.START);
        assertThat(r.attribute("a")).isEqualTo("<>\"'\n\uD83D\uDE00á x y");
        assertThat(r.elementText()).isEqualTo("a\r\nb\nc <raw & text>d");
    }

    @Test
    void elementTextOfAnEmptyElementIsEmpty() throws IOException {
        XmlReader r = reader("<r><e/><f></f></r>");
        r.next();
        r.next();
        assertThat(r.elementText()).isEmpty();
        r.next();
        assertThat(r.elementText()).isEmpty();
    }

    @Test
    void refusesWhatRepodataDoesNotHold() {
        assertThatThrownBy(() -> events("<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>"))
                .hasMessageContaining("<!DOCTYPE");
        assertThatThrownBy(() -> events("<r>&nbsp;</r>")).hasMessageContaining("&nbsp;");
        assertThatThrownBy(() -> events("<r>&#0;</r>")).hasMessageContaining("&#0;");
        assertThatThrownBy(() -> events("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>"))
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> events("<r><a>")).hasMessageContaining("ends inside <a>");
        assertThatThrownBy(() -> events("<r a=1/>")).hasMessageContaining("unquoted");
        assertThatThrownBy(() -> {
            XmlReader r = reader("<r><t>x<b/></t></r>");
            r.next();
            r.next();
            r.elementText();
        }).hasMessageContaining("should hold text only");
    }

    @Test
    void readsAcrossBufferBoundaries() throws IOException {
        StringBuilder xml = new StringBuilder("<r>");
        for (int i = 0; i < 20_000; i++) {
            xml.append("<p n=\"").append(i).append("\">&lt;").append("é".repeat(i % 7)).append("</p>");
        }
        List<String> events = events(xml.append("</r>").toString());
        assertThat(events).hasSize(2 + 3 * 20_000);
        assertThat(events.get(3 * 19_999 + 2)).isEqualTo("TEXT <" + "é".repeat(19_999 % 7));
    }
}
