package org.clinlead.core.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page shell: Lumo and ClinLead's own stylesheet, served from {@code META-INF/resources}
 * (the repository's {@code frontend/} folder), so that no frontend bundle has to be built.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles/clinlead.css")
@Meta(name = "color-scheme", content = "light")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("ClinLead");
        settings.addFavIcon("icon", "images/clinlead-icon.svg", "64x64");
    }
}
