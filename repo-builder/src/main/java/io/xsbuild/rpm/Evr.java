package io.xsbuild.rpm;

/**
 * A dependency's "[epoch:]version[-release]" split the way createrepo_c's cr_str_to_evr splits it:
 * the epoch defaults to "0" when there is a version but no epoch, and is bad when the part before
 * the colon is not a number.
 */
record Evr(String epoch, String version, String release, boolean badEpoch) {

    static final Evr NONE = new Evr("", "", "", false);

    static Evr parse(String text) {
        if (text.isEmpty()) {
            return NONE;
        }
        int colon = text.indexOf(':');
        String epoch = "0";
        boolean bad = false;
        if (colon >= 0) {
            if (endOfNumber(text) != colon) {
                bad = true;
                epoch = "";
            } else if (colon > 0) {
                epoch = text.substring(0, colon);
            }
        }
        String rest = text.substring(colon + 1);
        int dash = rest.indexOf('-');
        if (dash < 0) {
            return new Evr(epoch, rest, "", bad);
        }
        return new Evr(epoch, rest.substring(0, dash), rest.substring(dash + 1), bad);
    }

    /** Where C's strtol(text, &end, 10) stops: after spaces, a sign and digits, or at 0 when there are no digits. */
    private static int endOfNumber(String text) {
        int i = 0;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i == digits ? 0 : i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
