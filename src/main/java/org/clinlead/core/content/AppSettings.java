package org.clinlead.core.content;

import static org.clinlead.db.Tables.APP_SETTING;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Small facts the application keeps about itself, such as when the demo organisation was loaded. */
@Component
public class AppSettings {

    private final DSLContext dsl;

    AppSettings(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    public Optional<String> get(String key) {
        return dsl.select(APP_SETTING.VALUE).from(APP_SETTING).where(APP_SETTING.KEY.eq(key)).fetchOptional(APP_SETTING.VALUE);
    }

    @Transactional
    public void put(String key, String value) {
        dsl.insertInto(APP_SETTING).set(APP_SETTING.KEY, key).set(APP_SETTING.VALUE, value)
                .onConflict(APP_SETTING.KEY).doUpdate()
                .set(APP_SETTING.VALUE, value).set(APP_SETTING.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }
}
