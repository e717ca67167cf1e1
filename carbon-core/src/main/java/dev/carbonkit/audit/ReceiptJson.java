package dev.carbonkit.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a receipt's JSON with Jackson's streaming parser: the one class of the audit package that uses jackson-core,
 * which carbon-core declares optional. Callers check first that it is on the class path
 * ({@code Libraries.requireJackson}), so that its absence is a clear error rather than a linkage error.
 */
final class ReceiptJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ReceiptJson() {
    }

    /** Reads one JSON object of text, arrays, objects and nulls. */
    static Map<String, Object> parseObject(String json) {
        Object tree;
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new ReceiptFormatException(1, 1, "a receipt is a JSON object, found " + describe(first));
            }
            tree = value(parser, first);
            JsonToken after = parser.nextToken();
            if (after != null) {
                JsonLocation at = parser.currentLocation();
                throw new ReceiptFormatException(at.getLineNr(), at.getColumnNr(), "text after the receipt's object");
            }
        } catch (JsonParseException bad) {
            JsonLocation at = bad.getLocation();
            throw new ReceiptFormatException(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    bad.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new ReceiptFormatException(0, 0, String.valueOf(unreadable.getMessage()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) tree;
        return map;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String key = parser.currentName();
                    map.put(key, value(parser, parser.nextToken()));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    list.add(value(parser, next));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                JsonLocation at = parser.currentTokenLocation();
                throw new ReceiptFormatException(at.getLineNr(), at.getColumnNr(), "receipts hold text, arrays, objects"
                        + " and null only; found " + describe(token) + " '" + parser.getText()
                        + "' (numbers are written as decimal strings)");
            }
        }
    }

    private static String describe(JsonToken token) {
        return token == null ? "nothing" : switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "text";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

}
