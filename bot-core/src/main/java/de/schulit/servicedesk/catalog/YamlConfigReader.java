package de.schulit.servicedesk.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads an operator-edited YAML file (kebab-case keys) into records, turning every error into one clear line. */
public final class YamlConfigReader {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private YamlConfigReader() {
    }

    public static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigFileException(file + ": file not found (working directory " + Path.of("").toAbsolutePath() + ")");
        }
        try {
            T value = MAPPER.readValue(Files.readString(file), type);
            if (value == null) {
                throw new ConfigFileException(file + ": the file is empty");
            }
            return value;
        } catch (JacksonException e) {
            String where = e.getPathReference();
            throw new ConfigFileException(file + ": " + (where == null || where.isBlank() ? "" : "at " + where + ": ")
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
