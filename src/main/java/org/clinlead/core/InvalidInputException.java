package org.clinlead.core;

/** Input that breaks a rule; {@code field} names what is wrong so a form can point at it. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
