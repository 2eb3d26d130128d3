package io.xsbuild.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Words for a user that may name {@link Setting}s: text, and settings left for whoever shows the
 * words to name, as fields ({@link #toString}) or as the flags that set them ({@link #render}).
 * "{@code WORKERS} 0 is not a number of workers" reads "workers 0 is not a number of workers" to a
 * library caller and "--workers 0 is not a number of workers" on the command line.
 */
public final class Phrase {

    private final List<Object> parts;

    private Phrase(List<Object> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The words made of {@code parts}: settings stay settings, phrases are taken apart, anything else is its text. */
    public static Phrase of(Object... parts) {
        List<Object> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Phrase phrase) {
                all.addAll(phrase.parts);
            } else if (part instanceof Setting setting) {
                all.add(setting);
            } else {
                all.add(String.valueOf(part));
            }
        }
        return new Phrase(all);
    }

    /** The words, each setting named as {@code naming} names it. */
    public String render(Function<Setting, String> naming) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part instanceof Setting setting ? Objects.requireNonNull(naming.apply(setting), "naming") : part);
        }
        return text.toString();
    }

    /** The settings named, in order. */
    public List<Setting> settings() {
        return parts.stream().filter(Setting.class::isInstance).map(Setting.class::cast).toList();
    }

    public boolean isBlank() {
        return toString().isBlank();
    }

    /** The words with each setting named by its field. */
    @Override
    public String toString() {
        return render(Setting::field);
    }
}
