package org.clinlead.core.security;

import java.util.Set;

/** Who is calling the API: a token, named so the audit trail can say which one. */
public record ApiTokenPrincipal(long tokenId, String name, Set<String> scopes) {

    @Override
    public String toString() {
        return "API token #" + tokenId + " \"" + name + "\"";
    }
}
