package org.clinlead.core.security;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a password must be, and how temporary passwords are made. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiopas",
            "passwordpassword", "letmein12345", "welcome12345", "clinlead1234", "changeme1234");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** The reason the password is not acceptable for this user, or empty when it is fine. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > 200) {
            return Optional.of("Use at most 200 characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("Do not include your user name.");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 5) {
            return Optional.of("This password is too easy to guess.");
        }
        return Optional.empty();
    }

    /** A random 16-character password for a new account or a reset; the user must change it. */
    public static String temporary() {
        StringBuilder sb = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
