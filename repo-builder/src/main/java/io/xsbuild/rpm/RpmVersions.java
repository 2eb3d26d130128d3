package io.xsbuild.rpm;

/** rpm's version comparison (rpmvercmp), and createrepo_c's ordering of libc.so.6 requirements by it. */
final class RpmVersions {

    private RpmVersions() {
    }

    /** Compares two version strings as rpm does: negative, zero or positive. */
    static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !isAlnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
                i++;
            }
            while (j < b.length() && !isAlnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
                j++;
            }
            char ca = i < a.length() ? a.charAt(i) : 0;
            char cb = j < b.length() ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (ca == 0) {
                    return -1;
                }
                if (cb == 0) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == 0 || cb == 0) {
                break;
            }
            boolean numeric = isDigit(ca);
            int endA = segmentEnd(a, i, numeric);
            int endB = segmentEnd(b, j, numeric);
            if (endB == j) {
                return numeric ? 1 : -1;
            }
            String segA = a.substring(i, endA);
            String segB = b.substring(j, endB);
            if (numeric) {
                segA = stripZeros(segA);
                segB = stripZeros(segB);
                if (segA.length() != segB.length()) {
                    return segA.length() > segB.length() ? 1 : -1;
                }
            }
            int c = segA.compareTo(segB);
            if (c != 0) {
                return c < 0 ? -1 : 1;
            }
            i = endA;
            j = endB;
        }
        if (i >= a.length() && j >= b.length()) {
            return 0;
        }
        return i >= a.length() ? -1 : 1;
    }

    /**
     * Whether the libc.so.6 requirement {@code candidate} is newer than {@code kept}, judged by the
     * version in their first parentheses ("libc.so.6(GLIBC_2.17)(64bit)" is newer than
     * "libc.so.6(GLIBC_2.4)", which is newer than "libc.so.6()").
     */
    static boolean newerLibc(String kept, String candidate) {
        if (kept.equals(candidate)) {
            return false;
        }
        int open1 = kept.indexOf('(');
        int open2 = candidate.indexOf('(');
        if (open1 < 0 || open2 < 0) {
            return open1 < 0 && open2 >= 0;
        }
        int close1 = kept.indexOf(')', open1);
        int close2 = candidate.indexOf(')', open2);
        if (close1 < 0 || close2 < 0) {
            return close1 < 0 && close2 >= 0;
        }
        boolean empty1 = close1 == open1 + 1;
        boolean empty2 = close2 == open2 + 1;
        if (empty1 || empty2) {
            return empty1 && !empty2;
        }
        int digit1 = firstDigit(kept, open1 + 1);
        int digit2 = firstDigit(candidate, open2 + 1);
        boolean past1 = digit1 > close1;
        boolean past2 = digit2 > close2;
        if (past1 || past2) {
            return past1 && !past2;
        }
        return compare(kept.substring(digit1, close1), candidate.substring(digit2, close2)) < 0;
    }

    private static int firstDigit(String s, int from) {
        int i = from;
        while (i < s.length() && !isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int segmentEnd(String s, int from, boolean numeric) {
        int i = from;
        while (i < s.length() && (numeric ? isDigit(s.charAt(i)) : isAlpha(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isAlpha(c);
    }
}
