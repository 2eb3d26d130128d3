package io.xsbuild.json;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    record Package(String name, long size, List<String> files, Path path, Exception cause) {
    }

    @Test
    void recordsBecomeObjectsInDeclarationOrderWithoutExceptions() {
        var p = new Package("xcp-networkd", 42, List.of("/usr/bin/a"), Path.of("RPMS/x.rpm"), new RuntimeException());
        assertThat(Json.write(p)).isEqualTo(
                "{\"name\":\"xcp-networkd\",\"size\":42,\"files\":[\"/usr/bin/a\"],\"path\":\"RPMS/x.rpm\"}");
    }

    @Test
    void stringsAreEscaped() {
        assertThat(Json.write("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void mapsKeepTheirOrderAndPrettyPrintingIndents() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("seconds", 1.5);
        m.put("empty", List.of());
        m.put("none", null);
        assertThat(Json.pretty(m)).isEqualTo("{\n  \"ok\": true,\n  \"seconds\": 1.5,\n  \"empty\": [],\n  \"none\": null\n}\n");
    }

    @Test
    void wholeDoublesPrintWithoutAFraction() {
        assertThat(Json.write(List.of(2.0, Double.NaN))).isEqualTo("[2,null]");
    }
}
