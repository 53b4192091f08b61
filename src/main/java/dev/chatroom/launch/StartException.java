package dev.chatroom.launch;

/** A start that failed, in words for the admin, and whether it was the setup's fault (a bad file) or the machine's (a taken port). */
public final class StartException extends Exception {
    private final boolean badSetup;

    public StartException(String message, boolean badSetup, Throwable cause) {
        super(message, cause);
        this.badSetup = badSetup;
    }

    /** True when the configuration is wrong (exit 2), false when the machine would not let us (exit 1). */
    public boolean badSetup() {
        return badSetup;
    }
}
