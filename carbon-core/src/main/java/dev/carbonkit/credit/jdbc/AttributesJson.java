package dev.carbonkit.credit.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an activity's attributes back from the JSON the store wrote them as: the one class of the package that uses
 * jackson-core, which carbon-core declares optional ({@link JdbcLedgerStore#open} checks for it first).
 */
final class AttributesJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AttributesJson() {
    }

    /** The attributes of an activity, from the JSON object of strings they were written as. */
    static Map<String, String> attributes(String json) {
        Map<String, String> attributes = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("attributes are not a JSON object: " + json);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IllegalArgumentException("attribute '" + name + "' is not a string");
                }
                attributes.put(name, parser.getText());
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalArgumentException("attributes are not one JSON object: " + json);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("attributes are not JSON: " + e.getMessage(), e);
        }
        return attributes;
    }
}
