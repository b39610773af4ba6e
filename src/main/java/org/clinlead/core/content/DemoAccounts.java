package org.clinlead.core.content;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's sign-ins. They exist only where the demo organisation was loaded
 * ({@code clinlead.demo-data}); the login page shows them there and nowhere else.
 */
@Component
public class DemoAccounts {

    /** The one password of every demo account; documented in the README. */
    public static final String PASSWORD = "clinlead-demo";
    static final String LOADED_KEY = "demo.loaded-at";
    static final String USERNAMES_KEY = "demo.usernames";

    private final AppSettings settings;

    DemoAccounts(AppSettings settings) {
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.get(LOADED_KEY).isPresent();
    }

    public List<String> usernames() {
        return settings.get(USERNAMES_KEY).map(v -> Arrays.asList(v.split(","))).orElse(List.of());
    }

    public String password() {
        return PASSWORD;
    }

    public void markLoaded(List<String> usernames, String when) {
        settings.put(USERNAMES_KEY, String.join(",", usernames));
        settings.put(LOADED_KEY, when);
    }
}
