package de.schulit.servicedesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts the service desk bot: web chat, agent and admin API, and the channels that are switched on. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ServicedeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(ServicedeskApplication.class, args);
    }
}
