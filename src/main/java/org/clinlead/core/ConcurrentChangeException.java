package org.clinlead.core;

/** Someone else saved the same record first (optimistic locking). */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
