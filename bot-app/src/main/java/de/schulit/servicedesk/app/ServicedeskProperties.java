package de.schulit.servicedesk.app;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code servicedesk.*}: where the catalog and the schools are, ticket numbers, the hotline, input limits. */
@Validated
@ConfigurationProperties("servicedesk")
public record ServicedeskProperties(
        @NotNull @DefaultValue("config/catalog.yml") Path catalogFile,
        @NotNull @DefaultValue("config/schools.yml") Path schoolsFile,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9]{0,9}", message = "must be 1-10 upper-case letters or digits")
        @DefaultValue("SD") String ticketPrefix,
        @NotBlank @DefaultValue("0331 289-3111") String hotline,
        @Min(200) @Max(20000) @DefaultValue("4000") int maxTextLength,
        @Min(1024) @Max(10485760) @DefaultValue("65536") long maxRequestBytes) {
}
