package io.xsbuild.repository;

import java.util.regex.Pattern;

/** Repository ids matched as {@code --enablerepo} and {@code --disablerepo} match them: {@code *}, {@code ?}, {@code [...]}. */
final class Globs {

    private Globs() {
    }

    static boolean matches(String glob, String id) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        regex.append("\\[");
                    } else {
                        regex.append('[').append(glob.substring(i + 1, end).replace("\\", "\\\\")).append(']');
                        i = end;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), id);
    }
}
