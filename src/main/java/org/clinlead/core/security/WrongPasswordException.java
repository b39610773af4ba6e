package org.clinlead.core.security;

import org.clinlead.core.InvalidInputException;

/** A re-entered password did not match; it counted toward lock-out. */
public class WrongPasswordException extends InvalidInputException {

    public WrongPasswordException(String message) {
        super("password", message);
    }
}
