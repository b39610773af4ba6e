package org.clinlead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** ClinLead: learning and competency management for clinical research leaders. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ClinLeadApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClinLeadApplication.class, args);
    }
}
