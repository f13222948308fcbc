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

    /** The YAML path of the error as an operator reads it: {@code services[3].questions[0].type}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Our own parse errors (unknown enum value, ...) say it best; otherwise Jackson's message without location. */
    private static String reason(JacksonException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
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
            String where = path(e);
            throw new ConfigFileException(file + ": " + (where.isEmpty() ? "" : "at " + where + ": ") + reason(e), e);
        } catch (IOException e) {
            throw new ConfigFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
